CREATE TABLE "pii_destruction_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"ticket_id" uuid,
	"ticket_number" integer NOT NULL,
	"field_code" text NOT NULL,
	"rule" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"destroyed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_data_keys" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_field_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	"value" jsonb,
	"value_encrypted" text,
	"destroy_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"number" integer NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pii_destruction_ledger" ADD CONSTRAINT "pii_destruction_ledger_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_destruction_ledger" ADD CONSTRAINT "pii_destruction_ledger_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_data_keys" ADD CONSTRAINT "ticket_data_keys_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_data_keys" ADD CONSTRAINT "ticket_data_keys_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_field_values" ADD CONSTRAINT "ticket_field_values_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_field_values" ADD CONSTRAINT "ticket_field_values_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_field_values" ADD CONSTRAINT "ticket_field_values_field_id_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pii_destruction_ledger_service_destroyed_idx" ON "pii_destruction_ledger" USING btree ("service_id","destroyed_at");--> statement-breakpoint
CREATE INDEX "pii_destruction_ledger_destroyed_idx" ON "pii_destruction_ledger" USING btree ("destroyed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_field_values_ticket_field_uq" ON "ticket_field_values" USING btree ("ticket_id","field_id");--> statement-breakpoint
CREATE INDEX "ticket_field_values_service_id_idx" ON "ticket_field_values" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "ticket_field_values_field_id_idx" ON "ticket_field_values" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "ticket_field_values_due_idx" ON "ticket_field_values" USING btree ("destroy_at") WHERE "ticket_field_values"."destroy_at" IS NOT NULL AND "ticket_field_values"."destroyed_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_service_number_uq" ON "tickets" USING btree ("service_id","number");--> statement-breakpoint
CREATE INDEX "tickets_service_id_idx" ON "tickets" USING btree ("service_id");