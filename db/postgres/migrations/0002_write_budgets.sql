CREATE TABLE "write_budgets" (
	"client" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"refilled_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "write_budgets_refilled_idx" ON "write_budgets" USING btree ("refilled_at");