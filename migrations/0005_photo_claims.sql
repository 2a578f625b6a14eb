CREATE TABLE `photo_fingerprints` (
	`claim_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`perceptual_hash` text NOT NULL,
	`band` integer NOT NULL,
	`band_value` integer NOT NULL,
	PRIMARY KEY(`claim_id`, `band`)
);
--> statement-breakpoint
CREATE INDEX `photo_fingerprints_band_idx` ON `photo_fingerprints` (`band`,`band_value`);--> statement-breakpoint
ALTER TABLE `claims` ADD `client_claim_id` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `system_status` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `photo_key` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `photo_result` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `user_override` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `override_reason` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `override_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `claims_photo_client_id_idx` ON `claims` (`customer_id`,`client_claim_id`) WHERE channel = 'photo';