CREATE TABLE "applications"."registry_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"document_code" text NOT NULL,
	"document_title" jsonb NOT NULL,
	"registry" text NOT NULL,
	"data_asked" jsonb NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"first_sent_at" timestamp with time zone,
	"connector_id" text,
	"last_error" text,
	"answer" text,
	"answer_reference" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications"."registry_requests" ADD CONSTRAINT "registry_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_requests_document_idx" ON "applications"."registry_requests" USING btree ("application_id","document_code");--> statement-breakpoint
CREATE INDEX "registry_requests_due_idx" ON "applications"."registry_requests" USING btree ("next_attempt_at") WHERE status = 'open';