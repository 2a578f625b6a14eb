CREATE TABLE `fhir_claims` (
	`claim_id` text PRIMARY KEY NOT NULL,
	`resource` text NOT NULL,
	`currency` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `claims` ADD `lines` text;--> statement-breakpoint
CREATE INDEX `claims_with_lines_idx` ON `claims` (`member_id`,`provider_id`) WHERE lines IS NOT NULL;