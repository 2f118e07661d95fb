CREATE TABLE `write_budgets` (
	`client` text PRIMARY KEY NOT NULL,
	`tokens` real NOT NULL,
	`refilled_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `write_budgets_refilled_idx` ON `write_budgets` (`refilled_at`);