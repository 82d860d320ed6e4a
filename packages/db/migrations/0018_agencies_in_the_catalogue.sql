-- Agencies move to the catalogue, the region's register of who offers what where (their rows
-- move with the table); identity's copy of the offices goes: the catalogue's are the only ones.
DROP TABLE "identity"."offices" CASCADE;--> statement-breakpoint
ALTER TABLE "identity"."agencies" SET SCHEMA "catalogue";--> statement-breakpoint
ALTER TABLE "catalogue"."agencies" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue"."agencies" ADD COLUMN "retired_at" timestamp with time zone;
