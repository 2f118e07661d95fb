CREATE TABLE "mail_stops" (
	"poll_id" text NOT NULL,
	"recipient" text NOT NULL,
	"stopped_at" bigint NOT NULL,
	CONSTRAINT "mail_stops_poll_id_recipient_pk" PRIMARY KEY("poll_id","recipient")
);
--> statement-breakpoint
CREATE TABLE "unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"poll_id" text NOT NULL,
	"recipient" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "unsubscribe_tokens_poll_idx" ON "unsubscribe_tokens" USING btree ("poll_id");--> statement-breakpoint
ALTER TABLE "participants" DROP COLUMN "mail_stopped";--> statement-breakpoint
ALTER TABLE "polls" DROP COLUMN "organiser_mail_stopped";