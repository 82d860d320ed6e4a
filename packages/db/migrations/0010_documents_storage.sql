CREATE TABLE "documents"."attachments" (
	"application_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"agency_code" text NOT NULL,
	"applicant_sub" text,
	"purpose" text,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_application_id_document_id_pk" PRIMARY KEY("application_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "documents"."pending_uploads" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents"."documents" ALTER COLUMN "owner_sub" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "language" text DEFAULT 'ru' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "kind" text DEFAULT 'uploaded' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "file_name" text DEFAULT 'document' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "storage_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "scan" text NOT NULL;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents"."documents" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
ALTER TABLE "documents"."attachments" ADD CONSTRAINT "attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "documents"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_document_idx" ON "documents"."attachments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "documents_application_idx" ON "documents"."documents" USING btree ("application_id");