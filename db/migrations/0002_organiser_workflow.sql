CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`poll_id` text NOT NULL,
	`author` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comments_poll_idx` ON `comments` (`poll_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `polls` ADD `final_option_id` text;--> statement-breakpoint
ALTER TABLE `polls` ADD `final_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `polls` ADD `deadline` integer;--> statement-breakpoint
ALTER TABLE `polls` ADD `option_limit` integer;--> statement-breakpoint
ALTER TABLE `polls` ADD `privacy` text DEFAULT 'public' NOT NULL;