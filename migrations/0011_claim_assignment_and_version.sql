ALTER TABLE `claims` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `claims_created_idx` ON `claims` (`created_at`);--> statement-breakpoint
CREATE INDEX `claims_assignee_idx` ON `claims` (`assigned_insurer_id`,`created_at`);