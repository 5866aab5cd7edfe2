CREATE TABLE "template_links" (
	"template_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_links_pk" PRIMARY KEY("template_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"scope" text DEFAULT 'service' NOT NULL,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"search_code" text,
	"use_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_scope_ck" CHECK ("templates"."scope" IN ('service', 'shared'))
);
--> statement-breakpoint
CREATE TABLE "banned_word_versions" (
	"service_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "banned_words" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"word" text NOT NULL,
	"match_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "template_links" ADD CONSTRAINT "template_links_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_links" ADD CONSTRAINT "template_links_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_links" ADD CONSTRAINT "template_links_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banned_word_versions" ADD CONSTRAINT "banned_word_versions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banned_words" ADD CONSTRAINT "banned_words_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "template_links_category_idx" ON "template_links" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "template_links_service_template_idx" ON "template_links" USING btree ("service_id","template_id");--> statement-breakpoint
CREATE INDEX "templates_service_created_idx" ON "templates" USING btree ("service_id","created_at","id");--> statement-breakpoint
CREATE INDEX "templates_shared_created_idx" ON "templates" USING btree ("created_at","id") WHERE "templates"."scope" = 'shared';--> statement-breakpoint
CREATE INDEX "templates_service_code_idx" ON "templates" USING btree ("service_id",lower("search_code"));--> statement-breakpoint
CREATE INDEX "templates_shared_code_idx" ON "templates" USING btree (lower("search_code")) WHERE "templates"."scope" = 'shared';--> statement-breakpoint
CREATE INDEX "banned_words_service_created_idx" ON "banned_words" USING btree ("service_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "banned_words_service_key_uq" ON "banned_words" USING btree ("service_id","match_key");