ALTER TABLE "payments"."accruals" ADD COLUMN "agency_code" text;--> statement-breakpoint
-- Accruals made before this know no agency: the region's administrator refunds them, and
-- auditors and front offices still see them (model/access.ts in the payments service).
COMMENT ON COLUMN "payments"."accruals"."agency_code" IS 'The agency answerable for the money; null before migration 0017.';
