CREATE TABLE `policies` (
	`policy_number` text PRIMARY KEY NOT NULL,
	`attributes` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `predictions` (
	`claim_id` text PRIMARY KEY NOT NULL,
	`fraud_score` real NOT NULL,
	`is_fraudulent` integer NOT NULL,
	`fraud_threshold` real NOT NULL,
	`reserve_estimate_cents` integer,
	`model_version` text NOT NULL,
	`reserve_model_version` text,
	`explanation` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `claims` ADD `document_key` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `document_filename` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `document_bytes` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `policy_number` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `extracted_data` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `failure_reason` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `fraud_confirmed` integer;