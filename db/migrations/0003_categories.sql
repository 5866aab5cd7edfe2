CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"depth" smallint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_kind_ck" CHECK ("categories"."kind" IN ('intake', 'processing')),
	CONSTRAINT "categories_depth_ck" CHECK (abs("categories"."depth") BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "categories_service_id_idx" ON "categories" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "categories_siblings_idx" ON "categories" USING btree ("service_id","kind","parent_id","position") WHERE "categories"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "categories_path_idx" ON "categories" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "categories_level_name_uq" ON "categories" USING btree ("service_id","kind","depth",lower("name")) WHERE "categories"."deleted_at" IS NULL;