CREATE TABLE "field_layouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"audience" text NOT NULL,
	"intake_type_id" uuid,
	"field_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_layouts_scope_uq" UNIQUE NULLS NOT DISTINCT("service_id","audience","intake_type_id")
);
--> statement-breakpoint
ALTER TABLE "field_layouts" ADD CONSTRAINT "field_layouts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_layouts" ADD CONSTRAINT "field_layouts_intake_type_id_categories_id_fk" FOREIGN KEY ("intake_type_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_layouts_intake_type_id_idx" ON "field_layouts" USING btree ("intake_type_id");