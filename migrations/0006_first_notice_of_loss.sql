CREATE TABLE `auto_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`vehicle_id` text NOT NULL,
	`vin` text NOT NULL,
	`product` text NOT NULL,
	`status` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`collision_deductible_cents` integer NOT NULL,
	`rental_daily_cap_cents` integer NOT NULL,
	`rental_max_days` integer NOT NULL,
	`color` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `auto_policies_customer_idx` ON `auto_policies` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `auto_policies_active_vin_idx` ON `auto_policies` (`vin`) WHERE status = 'ACTIVE';--> statement-breakpoint
CREATE TABLE `customer_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`document_type` text NOT NULL,
	`claim_id` text,
	`object_key` text,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`status` text NOT NULL,
	`analysis` text,
	`failure_reason` text,
	`fraud_verdict` text,
	`fraud_type` text,
	`fraud_reason` text,
	`uploaded_at` text NOT NULL,
	`processed_at` text
);
--> statement-breakpoint
CREATE INDEX `customer_documents_customer_idx` ON `customer_documents` (`customer_id`,`document_type`,`uploaded_at`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`email` text,
	`ssn_hash` text,
	`ssn_last4` text,
	`street` text,
	`city` text,
	`state` text,
	`zip` text,
	`rejection_reason` text,
	`email_verified_at` text,
	`api_origin` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	`erased_at` text
);
--> statement-breakpoint
CREATE INDEX `customers_ssn_hash_idx` ON `customers` (`ssn_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_user_idx` ON `customers` (`user_id`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`queue` text NOT NULL,
	`message_id` text NOT NULL,
	`event_id` text,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dead_letters_message_idx` ON `dead_letters` (`queue`,`message_id`);--> statement-breakpoint
CREATE TABLE `domain_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`detail_type` text NOT NULL,
	`source` text NOT NULL,
	`time` text NOT NULL,
	`version` text NOT NULL,
	`customer_id` text,
	`subject_id` text,
	`detail` text NOT NULL,
	`pseudonymised_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `domain_events_id_unique` ON `domain_events` (`id`);--> statement-breakpoint
CREATE INDEX `domain_events_customer_idx` ON `domain_events` (`customer_id`,`seq`);--> statement-breakpoint
CREATE INDEX `domain_events_type_time_idx` ON `domain_events` (`detail_type`,`time`);--> statement-breakpoint
CREATE INDEX `domain_events_time_idx` ON `domain_events` (`time`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_outbox_recipient_idx` ON `email_outbox` (`recipient`,`created_at`);--> statement-breakpoint
CREATE TABLE `email_verifications` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sent_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_deliveries` (
	`event_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`sends` integer DEFAULT 1 NOT NULL,
	`last_sent_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE INDEX `event_deliveries_pending_idx` ON `event_deliveries` (`last_sent_at`) WHERE status = 'PENDING';--> statement-breakpoint
CREATE TABLE `reactor_receipts` (
	`event_id` text NOT NULL,
	`reactor` text NOT NULL,
	`reacted_at` text NOT NULL,
	PRIMARY KEY(`event_id`, `reactor`)
);
--> statement-breakpoint
CREATE TABLE `stream_tickets` (
	`ticket_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE TABLE `upload_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`purpose` text NOT NULL,
	`claim_id` text,
	`expires_at` text NOT NULL,
	`used_at` text,
	`document_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `upload_grants_customer_idx` ON `upload_grants` (`customer_id`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`make` text NOT NULL,
	`model` text NOT NULL,
	`color` text NOT NULL,
	`type` text NOT NULL,
	`year` integer NOT NULL,
	`mileage` integer NOT NULL,
	`vin` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `vehicles_customer_idx` ON `vehicles` (`customer_id`);--> statement-breakpoint
CREATE INDEX `vehicles_vin_idx` ON `vehicles` (`vin`);