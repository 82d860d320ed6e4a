-- The applications lifecycle (issue 5). The first schema held only portal drafts of a
-- pre-release node; they are discarded rather than converted.
DROP TABLE "applications"."applications" CASCADE;--> statement-breakpoint
CREATE TABLE "applications"."number_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "number_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "applications"."transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"step" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_roles" text[] NOT NULL,
	"channel" text,
	"office_code" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications"."applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"service_code" text NOT NULL,
	"service_version_id" uuid NOT NULL,
	"service_version" integer NOT NULL,
	"agency_code" text NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_subject" text,
	"company" text,
	"channel" text NOT NULL,
	"office_code" text,
	"collect_office_code" text,
	"status" text NOT NULL,
	"sealed" text NOT NULL,
	"identity_check" jsonb,
	"decision" jsonb,
	"assigned_to" text,
	"term_working_days" integer NOT NULL,
	"registered_on" date,
	"paused_working_days" integer DEFAULT 0 NOT NULL,
	"paused_on" date,
	"due_on" date,
	"deadline_state" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications"."transitions" ADD CONSTRAINT "transitions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transitions_application_idx" ON "applications"."transitions" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_idx" ON "applications"."applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications"."applications" USING btree ("applicant_subject","id");--> statement-breakpoint
CREATE INDEX "applications_company_idx" ON "applications"."applications" USING btree ("company","id");--> statement-breakpoint
CREATE INDEX "applications_agency_queue_idx" ON "applications"."applications" USING btree ("agency_code","status","due_on");--> statement-breakpoint
CREATE INDEX "applications_office_queue_idx" ON "applications"."applications" USING btree ("office_code","status");--> statement-breakpoint
CREATE INDEX "applications_collect_idx" ON "applications"."applications" USING btree ("collect_office_code","status");--> statement-breakpoint
-- The steps an application took are its legal record: never rewritten, never removed.
CREATE FUNCTION "applications"."keep_transitions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'applications: the transition record is append-only (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "transitions_append_only" BEFORE UPDATE OR DELETE ON "applications"."transitions"
  FOR EACH ROW EXECUTE FUNCTION "applications"."keep_transitions"();
