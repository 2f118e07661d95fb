ALTER TABLE `participants` ADD `preferred_start` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `preferred_end` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `never_start` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `never_end` text;--> statement-breakpoint
ALTER TABLE `polls` ADD `guest_zones` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `votes` ADD `override_never` integer DEFAULT false NOT NULL;