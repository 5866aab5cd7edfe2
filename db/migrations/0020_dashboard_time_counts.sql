CREATE TABLE "dashboard_time_counts" (
	"service_id" text NOT NULL,
	"figure" text NOT NULL,
	"day" date NOT NULL,
	"minutes" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_time_counts_pk" PRIMARY KEY("service_id","figure","day","minutes")
);
--> statement-breakpoint
ALTER TABLE "dashboard_time_counts" ADD CONSTRAINT "dashboard_time_counts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_time_counts_read_idx" ON "dashboard_time_counts" USING btree ("service_id","figure","day","minutes","n");--> statement-breakpoint
-- The rolled days' samples become the histogram as they are (same values, same days), so the
-- rollup stays valid across the upgrade without a rebuild.
INSERT INTO "dashboard_time_counts" ("service_id", "figure", "day", "minutes", "n")
SELECT d."service_id", f."figure", d."day", f."minutes", count(*)::int
FROM "dashboard_daily_times" d
CROSS JOIN LATERAL (
	SELECT 'first_response', v FROM unnest(d."first_response") v
	UNION ALL
	SELECT 'resolution', v FROM unnest(d."resolution") v
) f("figure", "minutes")
GROUP BY 1, 2, 3, 4;--> statement-breakpoint
DROP TABLE "dashboard_daily_times" CASCADE;
