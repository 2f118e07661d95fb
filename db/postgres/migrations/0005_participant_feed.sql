ALTER TABLE "participants" ADD COLUMN "feed_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "participants_feed_uq" ON "participants" USING btree ("feed_token_hash");