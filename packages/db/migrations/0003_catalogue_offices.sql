CREATE TABLE "catalogue"."offices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"agency_code" text NOT NULL,
	"channel" text NOT NULL,
	"service_codes" text[],
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE INDEX "offices_service_codes_idx" ON "catalogue"."offices" USING gin ("service_codes");