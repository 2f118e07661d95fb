CREATE TABLE `invitation_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`invitation_id` text NOT NULL,
	`mail_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invitation_links_invitation_idx` ON `invitation_links` (`invitation_id`);--> statement-breakpoint
CREATE INDEX `invitation_links_mail_idx` ON `invitation_links` (`mail_key`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`poll_id` text NOT NULL,
	`email` text NOT NULL,
	`participant_id` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`invited_at` integer NOT NULL,
	`reminded_at` integer,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_poll_email_uq` ON `invitations` (`poll_id`,`email`);