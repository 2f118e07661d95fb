CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`poll_id` text NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`payload` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_expires_at` integer,
	`sent_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_uq` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`sent_at`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_poll_idx` ON `outbox` (`poll_id`);--> statement-breakpoint
ALTER TABLE `participants` ADD `email` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `mail_stopped` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `polls` ADD `organiser_email` text;--> statement-breakpoint
ALTER TABLE `polls` ADD `organiser_locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `polls` ADD `organiser_mail_stopped` integer DEFAULT false NOT NULL;