CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`owner_user_id` text,
	`customer_id` text,
	`member_id` text,
	`provider_id` text,
	`assigned_insurer_id` text,
	`diagnosis_code` text,
	`procedure_code` text,
	`service_date` text,
	`claim_amount_cents` integer,
	`approved_amount_cents` integer,
	`fraud_flag` integer DEFAULT false NOT NULL,
	`fraud_reason` text,
	`reasons` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	`processed_at` text
);
--> statement-breakpoint
CREATE INDEX `claims_channel_created_idx` ON `claims` (`channel`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_member_idx` ON `claims` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_provider_idx` ON `claims` (`provider_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_customer_idx` ON `claims` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_duplicate_idx` ON `claims` (`member_id`,`provider_id`,`procedure_code`,`service_date`,`claim_amount_cents`);--> statement-breakpoint
CREATE TABLE `diagnosis_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`description` text NOT NULL,
	`billable` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`locked_at` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `members` (
	`member_id` text PRIMARY KEY NOT NULL,
	`first_name` text,
	`last_name` text,
	`status` text NOT NULL,
	`benefit_limit_cents` integer NOT NULL,
	`remaining_benefit_cents` integer NOT NULL,
	`last_deduction_cents` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `procedure_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`description` text NOT NULL,
	`average_cost_cents` integer,
	`cost_std_dev_cents` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `procedure_rules` (
	`diagnosis_pattern` text NOT NULL,
	`procedure_pattern` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`diagnosis_pattern`, `procedure_pattern`)
);
--> statement-breakpoint
CREATE TABLE `providers` (
	`provider_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL
);
