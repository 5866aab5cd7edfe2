CREATE TABLE "dashboard_time_counts" (
	"service_id" text NOT NULL,
	"figure" text NOT NULL,
	"day" date NOT NULL,
	"bucket" integer NOT NULL,
	"n" integer NOT NULL,
	"minutes" double precision[] NOT NULL,
	CONSTRAINT "dashboard_time_counts_pk" PRIMARY KEY("service_id","figure","day","bucket")
);
--> statement-breakpoint
DROP TABLE "dashboard_daily_times" CASCADE;--> statement-breakpoint
ALTER TABLE "dashboard_time_counts" ADD CONSTRAINT "dashboard_time_counts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_time_counts_read_idx" ON "dashboard_time_counts" USING btree ("service_id","figure","day","bucket","n");--> statement-breakpoint
-- The rolled days' time samples are gone with dashboard_daily_times: forget every service's rollup
-- state, so the dashboard reads every day live (exact, as before the rollup) until the next run of
-- the dashboard-rollup job (every minute) rebuilds all of it, time buckets included.
DELETE FROM "dashboard_rollups";
