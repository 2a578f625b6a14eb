CREATE TABLE `fnol_claims` (
	`claim_id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`policy_id` text NOT NULL,
	`occurrence_at` text NOT NULL,
	`fnol_at` text NOT NULL,
	`drivers_license_number` text NOT NULL,
	`submission` text NOT NULL,
	`stage` text NOT NULL,
	`stage_reason` text,
	`damage_document_id` text,
	`photo_attempts` integer DEFAULT 0 NOT NULL,
	`damage_assessment` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fnol_claims_customer_idx` ON `fnol_claims` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fnol_settlements` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`version` integer NOT NULL,
	`repair_estimate_cents` integer NOT NULL,
	`actual_cash_value_cents` integer NOT NULL,
	`deductible_cents` integer NOT NULL,
	`total_loss` integer NOT NULL,
	`payout_cents` integer NOT NULL,
	`out_of_pocket_cents` integer NOT NULL,
	`rental_days` integer NOT NULL,
	`review_recommended` integer NOT NULL,
	`decided_by` text NOT NULL,
	`settlement` text NOT NULL,
	`assessment` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fnol_settlements_claim_version_idx` ON `fnol_settlements` (`claim_id`,`version`);--> statement-breakpoint
CREATE TABLE `rental_bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`booked` integer NOT NULL,
	`vendor_id` text,
	`vendor_name` text,
	`daily_rate_cents` integer,
	`days` integer NOT NULL,
	`total_cents` integer,
	`reason` text,
	`settlement_version` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rental_bookings_claim_idx` ON `rental_bookings` (`claim_id`);--> statement-breakpoint
CREATE TABLE `rental_vendors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`city` text,
	`state` text,
	`zip` text,
	`latitude` real,
	`longitude` real,
	`daily_rate_cents` integer NOT NULL,
	`available_units` integer NOT NULL,
	`available_from` text,
	`available_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL
);
