-- One search vector for both languages instead of one per language: PostgreSQL's `russian`
-- configuration stems Cyrillic words as Russian and Latin words as English, so a single GIN
-- index and a single rank serve a search in either. Existing rows keep the text they had:
-- the two vectors concatenated are what the new column would hold.
ALTER TABLE "catalogue"."service_versions" ADD COLUMN "search" "tsvector";--> statement-breakpoint
ALTER TABLE "catalogue"."service_versions" DISABLE TRIGGER "service_versions_immutable";--> statement-breakpoint
UPDATE "catalogue"."service_versions" SET "search" = "search_ru" || "search_en";--> statement-breakpoint
ALTER TABLE "catalogue"."service_versions" ENABLE TRIGGER "service_versions_immutable";--> statement-breakpoint
ALTER TABLE "catalogue"."service_versions" ALTER COLUMN "search" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "service_versions_search_idx" ON "catalogue"."service_versions" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
DROP INDEX "catalogue"."service_versions_search_ru_idx";--> statement-breakpoint
DROP INDEX "catalogue"."service_versions_search_en_idx";--> statement-breakpoint
ALTER TABLE "catalogue"."service_versions" DROP COLUMN "search_ru";--> statement-breakpoint
ALTER TABLE "catalogue"."service_versions" DROP COLUMN "search_en";
