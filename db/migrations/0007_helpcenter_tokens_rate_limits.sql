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
ALTER TABLE "helpcenter_form_tokens" ADD CONSTRAINT "helpcenter_form_tokens_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "helpcenter_form_tokens_service_id_idx" ON "helpcenter_form_tokens" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "helpcenter_form_tokens_used_at_idx" ON "helpcenter_form_tokens" USING btree ("used_at");