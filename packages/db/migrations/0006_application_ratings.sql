CREATE TABLE "applications"."ratings" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"service_code" text NOT NULL,
	"agency_code" text NOT NULL,
	"office_code" text,
	"collect_office_code" text,
	"decided_by" text,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_score_range" CHECK (score between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "applications"."ratings" ADD CONSTRAINT "ratings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ratings_service_idx" ON "applications"."ratings" USING btree ("service_code");--> statement-breakpoint
CREATE INDEX "ratings_agency_idx" ON "applications"."ratings" USING btree ("agency_code");