CREATE TABLE "identity"."audit_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_subject" text,
	"actor_username" text,
	"target" text,
	"details" jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "identity"."citizen_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"personal_data" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_profiles_subject_unique" UNIQUE("subject")
);
--> statement-breakpoint
CREATE TABLE "identity"."offices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"agency_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "identity"."partner_channels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"roles" text[] NOT NULL,
	"contact" text,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_channels_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "identity"."staff_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"agency_code" text,
	"office_code" text,
	"roles" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_members_subject_unique" UNIQUE("subject")
);
--> statement-breakpoint
CREATE INDEX "audit_events_kind_idx" ON "identity"."audit_events" USING btree ("kind","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "identity"."audit_events" USING btree ("actor_subject","id");--> statement-breakpoint
CREATE INDEX "offices_agency_idx" ON "identity"."offices" USING btree ("agency_code");--> statement-breakpoint
CREATE INDEX "staff_members_agency_idx" ON "identity"."staff_members" USING btree ("agency_code");--> statement-breakpoint
-- The audit trail is append-only, enforced by the database itself, so no code path (or
-- anyone with the application's credentials) can rewrite or erase what happened.
CREATE FUNCTION "identity"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity.audit_events is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "identity"."audit_events"
  FOR EACH ROW EXECUTE FUNCTION "identity"."refuse_audit_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "identity"."audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "identity"."refuse_audit_change"();
