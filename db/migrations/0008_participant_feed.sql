ALTER TABLE `participants` ADD `feed_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `participants_feed_uq` ON `participants` (`feed_token_hash`);