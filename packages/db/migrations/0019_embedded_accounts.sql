CREATE TABLE "identity"."embedded_accounts" (
	"subject" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"roles" text[] NOT NULL,
	"agency" text,
	"office" text,
	"company" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embedded_accounts_username_unique" UNIQUE("username")
);
