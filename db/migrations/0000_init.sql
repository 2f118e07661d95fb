CREATE TABLE `options` (
	`id` text PRIMARY KEY NOT NULL,
	`poll_id` text NOT NULL,
	`starts_at` integer,
	`duration_minutes` integer,
	`date` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `options_poll_idx` ON `options` (`poll_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `options_poll_start_uq` ON `options` (`poll_id`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `options_poll_date_uq` ON `options` (`poll_id`,`date`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`poll_id` text NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`edit_token_hash` text NOT NULL,
	`submission_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participants_poll_idx` ON `participants` (`poll_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_submission_uq` ON `participants` (`poll_id`,`submission_key`);--> statement-breakpoint
CREATE TABLE `polls` (
	`id` text PRIMARY KEY NOT NULL,
	`admin_token_hash` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`organiser_name` text DEFAULT '' NOT NULL,
	`time_zone` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`participant_id` text NOT NULL,
	`option_id` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`participant_id`, `option_id`),
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `options`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `votes_option_idx` ON `votes` (`option_id`);