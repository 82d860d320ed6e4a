CREATE TABLE "catalogue"."service_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"service_code" text NOT NULL,
	"version" integer,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"level" text NOT NULL,
	"federal_code" text,
	"agency_code" text NOT NULL,
	"title" jsonb NOT NULL,
	"categories" text[] NOT NULL,
	"life_situations" text[] NOT NULL,
	"request_channels" text[] NOT NULL,
	"result_channels" text[] NOT NULL,
	"applicant_types" text[] NOT NULL,
	"has_fee" boolean NOT NULL,
	"search_ru" "tsvector" NOT NULL,
	"search_en" "tsvector" NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "catalogue"."services_agency_idx";--> statement-breakpoint
ALTER TABLE "catalogue"."service_versions" ADD CONSTRAINT "service_versions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "catalogue"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_versions_number_idx" ON "catalogue"."service_versions" USING btree ("service_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "service_versions_one_draft_idx" ON "catalogue"."service_versions" USING btree ("service_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "service_versions_one_published_idx" ON "catalogue"."service_versions" USING btree ("service_id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "service_versions_published_code_idx" ON "catalogue"."service_versions" USING btree ("service_code") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "service_versions_search_ru_idx" ON "catalogue"."service_versions" USING gin ("search_ru");--> statement-breakpoint
CREATE INDEX "service_versions_search_en_idx" ON "catalogue"."service_versions" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "service_versions_categories_idx" ON "catalogue"."service_versions" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "service_versions_life_situations_idx" ON "catalogue"."service_versions" USING gin ("life_situations");--> statement-breakpoint
ALTER TABLE "catalogue"."services" DROP COLUMN "level";--> statement-breakpoint
ALTER TABLE "catalogue"."services" DROP COLUMN "federal_code";--> statement-breakpoint
ALTER TABLE "catalogue"."services" DROP COLUMN "title";--> statement-breakpoint
-- A published version is what applications were filed under: it never changes, except to be
-- retired when a newer one supersedes it; a retired version never changes at all.
CREATE FUNCTION "catalogue"."keep_published_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'retired'
     OR (OLD.status = 'published' AND (NEW.status <> 'retired'
         OR NEW.content IS DISTINCT FROM OLD.content OR NEW.version IS DISTINCT FROM OLD.version)) THEN
    RAISE EXCEPTION 'catalogue: version % of % is % and cannot be changed', OLD.version, OLD.service_code, OLD.status;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "service_versions_immutable" BEFORE UPDATE ON "catalogue"."service_versions"
  FOR EACH ROW EXECUTE FUNCTION "catalogue"."keep_published_versions"();
