CREATE TABLE "dooray_configs" (
	"service_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"hook_token_sealed" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dooray_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"body" text,
	"workflow_class" text,
	"dooray_id" text,
	"delivery_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dooray_orgs" (
	"service_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"dooray_org_id" text NOT NULL,
	"tenant_token_sealed" text NOT NULL,
	"api_base_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dooray_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"dooray_project_id" text NOT NULL,
	"registrant_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dooray_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"project_id" uuid,
	"dooray_project_id" text NOT NULL,
	"post_id" text,
	"task_url" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"state" text DEFAULT 'transferred' NOT NULL,
	"acting_member_id" uuid,
	"created_as" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_configs" (
	"service_id" text PRIMARY KEY NOT NULL,
	"api_version" text DEFAULT 'v3.0' NOT NULL,
	"api_base_url" text NOT NULL,
	"app_key_sealed" text NOT NULL,
	"secret_key_sealed" text,
	"registered_senders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_senders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"member_id" uuid,
	"click_key" uuid NOT NULL,
	"type" text NOT NULL,
	"sender_no" text NOT NULL,
	"recipient_sealed" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"request_id" text,
	"result_code" text,
	"result_message" text,
	"delivery_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dooray_configs" ADD CONSTRAINT "dooray_configs_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_events" ADD CONSTRAINT "dooray_events_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_events" ADD CONSTRAINT "dooray_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_events" ADD CONSTRAINT "dooray_events_task_id_dooray_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."dooray_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_events" ADD CONSTRAINT "dooray_events_author_id_members_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_events" ADD CONSTRAINT "dooray_events_delivery_id_trigger_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."trigger_deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_orgs" ADD CONSTRAINT "dooray_orgs_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_projects" ADD CONSTRAINT "dooray_projects_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_projects" ADD CONSTRAINT "dooray_projects_registrant_id_members_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_tasks" ADD CONSTRAINT "dooray_tasks_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_tasks" ADD CONSTRAINT "dooray_tasks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_tasks" ADD CONSTRAINT "dooray_tasks_project_id_dooray_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."dooray_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dooray_tasks" ADD CONSTRAINT "dooray_tasks_acting_member_id_members_id_fk" FOREIGN KEY ("acting_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_configs" ADD CONSTRAINT "sms_configs_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_delivery_id_trigger_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."trigger_deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dooray_events_ticket_idx" ON "dooray_events" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "dooray_events_service_id_idx" ON "dooray_events" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "dooray_events_delivery_idx" ON "dooray_events" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "dooray_events_author_idx" ON "dooray_events" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dooray_events_dooray_id_uq" ON "dooray_events" USING btree ("task_id","dooray_id") WHERE dooray_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dooray_projects_service_project_uq" ON "dooray_projects" USING btree ("service_id","dooray_project_id");--> statement-breakpoint
CREATE INDEX "dooray_projects_registrant_idx" ON "dooray_projects" USING btree ("registrant_id");--> statement-breakpoint
CREATE INDEX "dooray_tasks_ticket_idx" ON "dooray_tasks" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "dooray_tasks_service_id_idx" ON "dooray_tasks" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "dooray_tasks_project_id_idx" ON "dooray_tasks" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dooray_tasks_post_uq" ON "dooray_tasks" USING btree ("service_id","dooray_project_id","post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_click_uq" ON "sms_messages" USING btree ("service_id","click_key");--> statement-breakpoint
CREATE INDEX "sms_messages_ticket_idx" ON "sms_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_member_idx" ON "sms_messages" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "sms_messages_delivery_idx" ON "sms_messages" USING btree ("delivery_id");