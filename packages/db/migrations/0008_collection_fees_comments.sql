CREATE TABLE "applications"."comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"author_subject" text NOT NULL,
	"author_agency" text,
	"author_office" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "collect_visit_on" date;--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "fee_due_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "fee_paid_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "fee_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications"."comments" ADD CONSTRAINT "comments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_application_idx" ON "applications"."comments" USING btree ("application_id","created_at");