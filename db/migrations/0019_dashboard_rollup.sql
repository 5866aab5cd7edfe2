CREATE TABLE "dashboard_daily_counts" (
	"service_id" text NOT NULL,
	"day" date NOT NULL,
	"figure" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_daily_counts_pk" PRIMARY KEY("service_id","figure","day","key")
);
--> statement-breakpoint
CREATE TABLE "dashboard_daily_times" (
	"service_id" text NOT NULL,
	"day" date NOT NULL,
	"first_response" double precision[] NOT NULL,
	"resolution" double precision[] NOT NULL,
	CONSTRAINT "dashboard_daily_times_pk" PRIMARY KEY("service_id","day")
);
--> statement-breakpoint
CREATE TABLE "dashboard_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"bin" timestamp with time zone NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_rollups" (
	"service_id" text PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"through_day" date NOT NULL,
	"through_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_slot_counts" (
	"service_id" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"figure" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_slot_counts_pk" PRIMARY KEY("service_id","figure","slot","key")
);
--> statement-breakpoint
ALTER TABLE "dashboard_daily_counts" ADD CONSTRAINT "dashboard_daily_counts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_daily_times" ADD CONSTRAINT "dashboard_daily_times_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_rollups" ADD CONSTRAINT "dashboard_rollups_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_slot_counts" ADD CONSTRAINT "dashboard_slot_counts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_daily_counts_read_idx" ON "dashboard_daily_counts" USING btree ("service_id","figure","day","key","n");--> statement-breakpoint
CREATE INDEX "dashboard_dirty_service_idx" ON "dashboard_dirty" USING btree ("service_id","bin");--> statement-breakpoint
CREATE INDEX "dashboard_slot_counts_read_idx" ON "dashboard_slot_counts" USING btree ("service_id","figure","slot","key","n");--> statement-breakpoint
-- The dashboard rollup's dirty marks (lib/dashboard/rollup.ts): a change to a ticket that moves
-- one of the dashboard's figures marks the 15-minute bins (no time zone splits one across two
-- days) of its old and new instants, with the kind of figure moved, so a day already rolled up is
-- read live for that figure until the next run recomputes it. Only instants older than 10 minutes
-- are marked: a run closes a day an hour after it ends, so a newer instant is in the live tail.
CREATE FUNCTION dashboard_mark_dirty_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_dirty (service_id, bin, kind)
  SELECT DISTINCT c.service_id, date_bin('15 minutes', v.at, timestamptz '2000-01-01 00:00:00+00'), v.kind
  FROM changed c CROSS JOIN LATERAL (VALUES ('c', c.created_at), ('t', c.created_at), ('o', c.created_at), ('s', c.solved_at)) v(kind, at)
  WHERE v.at < now() - interval '10 minutes';
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION dashboard_mark_dirty_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved boolean := OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.spam IS DISTINCT FROM NEW.spam;
  c boolean := moved OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.intake_type_id IS DISTINCT FROM NEW.intake_type_id;
  t boolean := moved OR OLD.first_replied_at IS DISTINCT FROM NEW.first_replied_at OR OLD.solved_at IS DISTINCT FROM NEW.solved_at;
  o boolean := moved OR OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id;
  s boolean := OLD.spam IS DISTINCT FROM NEW.spam OR OLD.solved_at IS DISTINCT FROM NEW.solved_at OR OLD.solved_by_id IS DISTINCT FROM NEW.solved_by_id;
BEGIN
  INSERT INTO dashboard_dirty (service_id, bin, kind)
  SELECT DISTINCT NEW.service_id, date_bin('15 minutes', v.at, timestamptz '2000-01-01 00:00:00+00'), v.kind
  FROM (VALUES ('c', OLD.created_at, c), ('c', NEW.created_at, c), ('t', OLD.created_at, t), ('t', NEW.created_at, t),
    ('o', OLD.created_at, o), ('o', NEW.created_at, o), ('s', OLD.solved_at, s), ('s', NEW.solved_at, s)) v(kind, at, moves)
  WHERE v.moves AND v.at < now() - interval '10 minutes';
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tickets_dashboard_ins AFTER INSERT ON tickets REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_dirty_rows();--> statement-breakpoint
CREATE TRIGGER tickets_dashboard_del AFTER DELETE ON tickets REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_dirty_rows();--> statement-breakpoint
CREATE TRIGGER tickets_dashboard_upd AFTER UPDATE ON tickets FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.spam IS DISTINCT FROM NEW.spam
    OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.solved_at IS DISTINCT FROM NEW.solved_at
    OR OLD.solved_by_id IS DISTINCT FROM NEW.solved_by_id OR OLD.first_replied_at IS DISTINCT FROM NEW.first_replied_at
    OR OLD.intake_type_id IS DISTINCT FROM NEW.intake_type_id OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION dashboard_mark_dirty_update();
