CREATE TABLE "field_crypto_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"field_id" uuid NOT NULL,
	"encrypt" boolean NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ticket_history" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "field_crypto_runs" ADD CONSTRAINT "field_crypto_runs_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_crypto_runs" ADD CONSTRAINT "field_crypto_runs_field_id_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_crypto_runs_field_idx" ON "field_crypto_runs" USING btree ("field_id","created_at");--> statement-breakpoint
CREATE INDEX "field_crypto_runs_service_id_idx" ON "field_crypto_runs" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "field_crypto_runs_open_idx" ON "field_crypto_runs" USING btree ("created_at") WHERE "field_crypto_runs"."status" <> 'done';