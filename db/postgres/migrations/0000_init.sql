CREATE TABLE "comments" (
	"id" text PRIMARY KEY NOT NULL,
	"poll_id" text NOT NULL,
	"author" text NOT NULL,
	"body" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "options" (
	"id" text PRIMARY KEY NOT NULL,
	"poll_id" text NOT NULL,
	"starts_at" bigint,
	"duration_minutes" integer,
	"date" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" text PRIMARY KEY NOT NULL,
	"poll_id" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"preferred_start" text,
	"preferred_end" text,
	"never_start" text,
	"never_end" text,
	"edit_token_hash" text NOT NULL,
	"submission_key" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" text PRIMARY KEY NOT NULL,
	"admin_token_hash" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"organiser_name" text DEFAULT '' NOT NULL,
	"time_zone" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"guest_zones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"final_option_id" text,
	"final_sequence" integer DEFAULT 0 NOT NULL,
	"deadline" bigint,
	"option_limit" integer,
	"privacy" text DEFAULT 'public' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"participant_id" text NOT NULL,
	"option_id" text NOT NULL,
	"value" text NOT NULL,
	"override_never" boolean DEFAULT false NOT NULL,
	CONSTRAINT "votes_participant_id_option_id_pk" PRIMARY KEY("participant_id","option_id")
);
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_option_id_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."options"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_poll_idx" ON "comments" USING btree ("poll_id","created_at");--> statement-breakpoint
CREATE INDEX "options_poll_idx" ON "options" USING btree ("poll_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "options_poll_start_uq" ON "options" USING btree ("poll_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "options_poll_date_uq" ON "options" USING btree ("poll_id","date");--> statement-breakpoint
CREATE INDEX "participants_poll_idx" ON "participants" USING btree ("poll_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_submission_uq" ON "participants" USING btree ("poll_id","submission_key");--> statement-breakpoint
CREATE INDEX "votes_option_idx" ON "votes" USING btree ("option_id");