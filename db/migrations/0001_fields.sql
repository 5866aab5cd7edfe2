CREATE TABLE "fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"audience" text NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"is_system" boolean DEFAULT false NOT NULL,
	"names" jsonb NOT NULL,
	"descriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"placeholders" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visible" boolean DEFAULT true NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"encrypted" boolean DEFAULT false NOT NULL,
	"destroy_after_days" integer,
	"destroy_basis" text,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_length" integer DEFAULT 0 NOT NULL,
	"default_value" jsonb,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fields" ADD CONSTRAINT "fields_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fields_service_code_uq" ON "fields" USING btree ("service_id",lower("code"));--> statement-breakpoint
CREATE INDEX "fields_service_audience_idx" ON "fields" USING btree ("service_id","audience");
--> statement-breakpoint
-- Existing services get the system fields every new service is created with (SPEC §5).
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'category', 'dropdown', true, '{"ko":"접수유형","en":"Inquiry type"}'::jsonb, '{}'::jsonb, true, '[]'::jsonb, 0, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'subject', 'text', true, '{"ko":"제목","en":"Subject"}'::jsonb, '{}'::jsonb, true, '[]'::jsonb, 200, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'content', 'textarea', true, '{"ko":"내용","en":"Inquiry"}'::jsonb, '{}'::jsonb, true, '[]'::jsonb, 5000, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'name', 'text', true, '{"ko":"이름","en":"Name"}'::jsonb, '{}'::jsonb, false, '[]'::jsonb, 100, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'mail', 'text', true, '{"ko":"이메일","en":"E-mail"}'::jsonb, '{}'::jsonb, false, '[]'::jsonb, 254, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'phone', 'text', true, '{"ko":"전화번호","en":"Phone"}'::jsonb, '{}'::jsonb, false, '[]'::jsonb, 30, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'attachment', 'file', true, '{"ko":"첨부파일","en":"Attachments"}'::jsonb, '{}'::jsonb, false, '[]'::jsonb, 0, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'customer', 'personalAgree', 'agree', true, '{"ko":"개인정보수집 및 이용 동의","en":"Consent to the collection and use of personal data"}'::jsonb, '{"ko":"문의 처리를 위해 이름, 이메일, 전화번호를 수집하며 처리 완료 후 관련 법령에 따라 보관 후 파기합니다.","en":"We collect your name, e-mail and phone to handle your inquiry and destroy them as the law requires once it is closed."}'::jsonb, true, '[]'::jsonb, 0, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'agent', 'processingType', 'dropdown', true, '{"ko":"처리유형","en":"Processing type"}'::jsonb, '{}'::jsonb, false, '[]'::jsonb, 0, NULL FROM "services"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "fields" ("service_id","audience","code","type","is_system","names","descriptions","required","options","max_length","default_value")
SELECT "id", 'agent', 'priority', 'dropdown', true, '{"ko":"우선순위","en":"Priority"}'::jsonb, '{}'::jsonb, false, '[{"value":"low","labels":{"ko":"낮음","en":"Low"}},{"value":"normal","labels":{"ko":"일반","en":"Normal"}},{"value":"high","labels":{"ko":"높음","en":"High"}},{"value":"urgent","labels":{"ko":"긴급","en":"Urgent"}}]'::jsonb, 0, '"normal"'::jsonb FROM "services"
ON CONFLICT DO NOTHING;
