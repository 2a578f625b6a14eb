ALTER TABLE `claims` ADD `duplicate_key` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `processing_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `lease_expires_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `claims_duplicate_key_idx` ON `claims` (`duplicate_key`) WHERE status != 'REJECTED';--> statement-breakpoint
CREATE INDEX `claims_in_process_idx` ON `claims` (`status`,`lease_expires_at`) WHERE status IN ('PENDING', 'PROCESSING');--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `resource_path` text;--> statement-breakpoint
CREATE INDEX `idempotency_keys_resource_idx` ON `idempotency_keys` (`resource_path`) WHERE resource_path IS NOT NULL;