CREATE TABLE "identity"."audit_chain" (
	"context" text NOT NULL,
	"seq" bigint NOT NULL,
	"event_id" uuid NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_chain_context_seq_pk" PRIMARY KEY("context","seq"),
	CONSTRAINT "audit_chain_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "identity"."audit_checkpoints" (
	"context" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"jws" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checkpoints_context_seq_pk" PRIMARY KEY("context","seq")
);
--> statement-breakpoint
ALTER TABLE "identity"."audit_chain" ADD CONSTRAINT "audit_chain_event_id_audit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "identity"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_chain_sealed_idx" ON "identity"."audit_chain" USING btree ("sealed_at");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "identity"."audit_events" USING btree ("occurred_at");--> statement-breakpoint
-- The chains and their checkpoints are append-only like the events they seal: a link or a
-- signed checkpoint, once written, is evidence, and no code path may rewrite or erase it.
CREATE FUNCTION "identity"."keep_audit_seals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity.% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_chain_append_only" BEFORE UPDATE OR DELETE ON "identity"."audit_chain"
  FOR EACH ROW EXECUTE FUNCTION "identity"."keep_audit_seals"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_no_truncate" BEFORE TRUNCATE ON "identity"."audit_chain"
  FOR EACH STATEMENT EXECUTE FUNCTION "identity"."keep_audit_seals"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "identity"."audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "identity"."keep_audit_seals"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "identity"."audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "identity"."keep_audit_seals"();
