-- The distinct two-character substrings of each whitespace-separated word (lowercased search_text
-- in, so 'ab' and 'AB' are one key). IMMUTABLE so it can be indexed; written in SQL with built-ins
-- only, so it needs no extension beyond what PostgreSQL ships.
CREATE OR REPLACE FUNCTION search_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(w, i, 2)), '{}'::text[])
  FROM regexp_split_to_table(t, '[[:space:]]+') AS w, generate_series(1, char_length(w) - 1) AS i
$$;--> statement-breakpoint
CREATE INDEX "tickets_search_bigram_idx" ON "tickets" USING gin (search_bigrams("search_text"));
--> statement-breakpoint
-- The planner needs the statistics of the new expression to tell a common word from a rare one.
ANALYZE "tickets";
