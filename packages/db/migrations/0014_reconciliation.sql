CREATE TABLE "payments"."discrepancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"statement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"uin" text NOT NULL,
	"payment_id" uuid,
	"line_no" integer,
	"node_minor" bigint,
	"statement_minor" bigint,
	"decision" text,
	"note" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments"."statement_lines" (
	"statement_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"line_id" text NOT NULL,
	"uin" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"payment_id" uuid,
	CONSTRAINT "statement_lines_statement_id_line_no_pk" PRIMARY KEY("statement_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "payments"."statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"statement_date" date NOT NULL,
	"sha256" text NOT NULL,
	"line_count" integer NOT NULL,
	"total_minor" bigint NOT NULL,
	"matched_count" integer NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "discrepancies_statement_idx" ON "payments"."discrepancies" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "discrepancies_open_idx" ON "payments"."discrepancies" USING btree ("id") WHERE "payments"."discrepancies"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "statements_source_date_idx" ON "payments"."statements" USING btree ("source","statement_date");