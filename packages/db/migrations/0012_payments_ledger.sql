CREATE TABLE "payments"."ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"journal_id" uuid NOT NULL,
	"account" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"kind" text NOT NULL,
	"payment_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_entries_nonzero" CHECK ("payments"."ledger_entries"."amount_minor" <> 0)
);
--> statement-breakpoint
CREATE TABLE "payments"."payment_notices" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"payment_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"effect" text NOT NULL,
	CONSTRAINT "payment_notices_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "payments"."payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"accrual_id" uuid NOT NULL,
	"uin" text NOT NULL,
	"provider" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"status" text NOT NULL,
	"reference" text,
	"redirect_url" text,
	"return_url" text,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"office_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"status_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."payments"."amount_minor" > 0),
	CONSTRAINT "payments_refund_bounded" CHECK ("payments"."payments"."refunded_minor" between 0 and "payments"."payments"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "payments"."refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"reference" text NOT NULL,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "refunds_amount_positive" CHECK ("payments"."refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments"."uin_issuers" (
	"code" char(4) PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"office_code" text,
	"next_sequence" bigint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments"."accruals" ALTER COLUMN "status" SET DEFAULT 'created';--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD COLUMN "paid_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD COLUMN "issuer" char(4);--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD COLUMN "payer_subject" text;--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD COLUMN "payer_company" text;--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD COLUMN "payer_index" text;--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD COLUMN "created_by" text NOT NULL;--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "payments"."ledger_entries" USING btree ("account");--> statement-breakpoint
CREATE INDEX "ledger_entries_payment_idx" ON "payments"."ledger_entries" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_journal_idx" ON "payments"."ledger_entries" USING btree ("journal_id");--> statement-breakpoint
CREATE INDEX "payment_notices_payment_idx" ON "payments"."payment_notices" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payments_accrual_idx" ON "payments"."payments" USING btree ("accrual_id");--> statement-breakpoint
CREATE INDEX "payments_uin_idx" ON "payments"."payments" USING btree ("uin");--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments"."payments" USING btree ("created_at") WHERE "payments"."payments"."status" in ('created', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference_idx" ON "payments"."payments" USING btree ("provider","reference");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "payments"."refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accruals_application_fee_idx" ON "payments"."accruals" USING btree ("application_id","budget_code") WHERE "payments"."accruals"."application_id" is not null;--> statement-breakpoint
CREATE INDEX "accruals_payer_subject_idx" ON "payments"."accruals" USING btree ("payer_subject");--> statement-breakpoint
CREATE INDEX "accruals_payer_company_idx" ON "payments"."accruals" USING btree ("payer_company");--> statement-breakpoint
CREATE INDEX "accruals_payer_index_idx" ON "payments"."accruals" USING btree ("payer_index");--> statement-breakpoint
ALTER TABLE "payments"."accruals" ADD CONSTRAINT "accruals_amount_positive" CHECK ("payments"."accruals"."amount_minor" > 0);