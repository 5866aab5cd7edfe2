CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "helpcenter_form_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "disabled_endpoints" (
	"service_id" text NOT NULL,
	"url" text NOT NULL,
	"disabled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disabled_endpoints_pk" PRIMARY KEY("service_id","url")
);
--> statement-breakpoint
CREATE TABLE "trigger_cursors" (
	"trigger_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "trigger_cursors_pk" PRIMARY KEY("trigger_id","slot")
);
--> statement-breakpoint
CREATE TABLE "trigger_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"trigger_id" uuid,
	"trigger_title" text NOT NULL,
	"ticket_id" uuid,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"request" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trigger_delivery_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"http_status" integer,
	"latency_ms" integer NOT NULL,
	"error_class" text,
	"response" text
);
--> statement-breakpoint
CREATE TABLE "trigger_firings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"trigger_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trigger_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trigger_versions" (
	"service_id" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"title" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"conditions" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"group_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_secrets" (
	"service_id" text PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"rotated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "helpcenter_form_tokens" ADD CONSTRAINT "helpcenter_form_tokens_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_links" ADD CONSTRAINT "template_links_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_links" ADD CONSTRAINT "template_links_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_links" ADD CONSTRAINT "template_links_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banned_word_versions" ADD CONSTRAINT "banned_word_versions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banned_words" ADD CONSTRAINT "banned_words_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disabled_endpoints" ADD CONSTRAINT "disabled_endpoints_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_cursors" ADD CONSTRAINT "trigger_cursors_trigger_id_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_deliveries" ADD CONSTRAINT "trigger_deliveries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_deliveries" ADD CONSTRAINT "trigger_deliveries_trigger_id_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."triggers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_deliveries" ADD CONSTRAINT "trigger_deliveries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_delivery_attempts" ADD CONSTRAINT "trigger_delivery_attempts_delivery_id_trigger_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."trigger_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_delivery_attempts" ADD CONSTRAINT "trigger_delivery_attempts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_firings" ADD CONSTRAINT "trigger_firings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_firings" ADD CONSTRAINT "trigger_firings_trigger_id_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_firings" ADD CONSTRAINT "trigger_firings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_runs" ADD CONSTRAINT "trigger_runs_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_runs" ADD CONSTRAINT "trigger_runs_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_versions" ADD CONSTRAINT "trigger_versions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_secrets" ADD CONSTRAINT "webhook_secrets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "helpcenter_form_tokens_service_id_idx" ON "helpcenter_form_tokens" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "helpcenter_form_tokens_used_at_idx" ON "helpcenter_form_tokens" USING btree ("used_at");--> statement-breakpoint
CREATE INDEX "template_links_category_idx" ON "template_links" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "template_links_service_template_idx" ON "template_links" USING btree ("service_id","template_id");--> statement-breakpoint
CREATE INDEX "templates_service_created_idx" ON "templates" USING btree ("service_id","created_at","id");--> statement-breakpoint
CREATE INDEX "templates_shared_created_idx" ON "templates" USING btree ("created_at","id") WHERE "templates"."scope" = 'shared';--> statement-breakpoint
CREATE INDEX "templates_service_code_idx" ON "templates" USING btree ("service_id",lower("search_code"));--> statement-breakpoint
CREATE INDEX "templates_shared_code_idx" ON "templates" USING btree (lower("search_code")) WHERE "templates"."scope" = 'shared';--> statement-breakpoint
CREATE INDEX "banned_words_service_created_idx" ON "banned_words" USING btree ("service_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "banned_words_service_key_uq" ON "banned_words" USING btree ("service_id","match_key");--> statement-breakpoint
CREATE INDEX "trigger_deliveries_trigger_idx" ON "trigger_deliveries" USING btree ("service_id","trigger_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trigger_deliveries_ticket_idx" ON "trigger_deliveries" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "trigger_deliveries_due_idx" ON "trigger_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "trigger_delivery_attempts_delivery_idx" ON "trigger_delivery_attempts" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE INDEX "trigger_delivery_attempts_service_id_idx" ON "trigger_delivery_attempts" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "trigger_firings_trigger_idx" ON "trigger_firings" USING btree ("trigger_id","fired_at");--> statement-breakpoint
CREATE INDEX "trigger_firings_service_id_idx" ON "trigger_firings" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "trigger_runs_ticket_idx" ON "trigger_runs" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "trigger_runs_service_id_idx" ON "trigger_runs" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "triggers_service_order_idx" ON "triggers" USING btree ("service_id","active","position");--> statement-breakpoint
CREATE INDEX "triggers_group_ids_idx" ON "triggers" USING gin ("group_ids");