CREATE TABLE `model_stats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_name` text NOT NULL,
	`model_type` text NOT NULL,
	`dataset` text,
	`version` text NOT NULL,
	`status` text NOT NULL,
	`metrics` text NOT NULL,
	`artifact_key` text NOT NULL,
	`trained_at` text NOT NULL,
	`promoted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_stats_name_version_idx` ON `model_stats` (`model_name`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `model_stats_one_active_idx` ON `model_stats` (`model_name`) WHERE status = 'active';--> statement-breakpoint
CREATE TABLE `training_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`model_name` text NOT NULL,
	`status` text NOT NULL,
	`requested_by` text,
	`result` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text
);
