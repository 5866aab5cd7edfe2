-- The distinct two-character substrings of each whitespace-separated word (lowercased search_text
-- in, so 'ab' and 'AB' are one key). IMMUTABLE so it can be indexed; written in SQL with built-ins
-- only, so it needs no extension beyond what PostgreSQL ships.
CREATE OR REPLACE FUNCTION search_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(w, i, 2)), '{}'::text[])
  FROM regexp_split_to_table(t, '[[:space:]]+') AS w, generate_series(1, char_length(w) - 1) AS i
$$;--> statement-breakpoint
CREATE TABLE "reply_drafts" (
	"ticket_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_drafts_pk" PRIMARY KEY("ticket_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "reply_drafts" ADD CONSTRAINT "reply_drafts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_drafts" ADD CONSTRAINT "reply_drafts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_drafts" ADD CONSTRAINT "reply_drafts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reply_drafts_member_idx" ON "reply_drafts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "tickets_search_bigram_idx" ON "tickets" USING gin (search_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "tickets_dashboard_created_idx" ON "tickets" USING btree ("service_id","created_at","spam","channel","intake_type_id","first_replied_at","solved_at");--> statement-breakpoint
CREATE INDEX "tickets_dashboard_solved_idx" ON "tickets" USING btree ("service_id","solved_at","spam","solved_by_id");
--> statement-breakpoint
-- The planner needs the statistics of the new bigram expression to tell a common word from a rare one.
ANALYZE "tickets";
