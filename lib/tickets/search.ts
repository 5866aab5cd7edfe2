import { and, sql, type SQL } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { likePattern } from '@/db/like';

/** At most this many words of a query take part (the rest are ignored, like the 100-character cap). */
const MAX_TERMS = 8;
/** A search's count stops here ("1,000+"): exact counts of a common word cost a scan of its whole posting list. */
export const SEARCH_COUNT_CAP = 1000;

const length = (s: string) => Array.from(s).length;

/** The lowercased, distinct whitespace-separated words of a list query. */
export function searchTerms(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
}

/** Whether a query can use an index: at least one word of two characters or more. */
export function isSearchable(q: string): boolean {
  return searchTerms(q).some((t) => length(t) >= 2);
}

/**
 * Every word of the query must occur in the ticket's search text (substring, any position, so
 * 카드환불 matches 환불). Words of 3+ characters go through the trigram index; two-character
 * words (환불, 배송, a phone's "12") through the bigram index, where the bigram is the whole word
 * so the index answer is exact; single characters only narrow what the others found.
 *
 * Each two-character word also carries `strpos(…) <> 0`: it is what an ordered scan evaluates per
 * row (cheap, before the bigram function), and PostgreSQL estimates `<> 0` at ~1, so the row
 * estimate stays the bigram index's own. That lets the planner walk the newest-first index for a
 * common word (배송: 9 % of tickets) and use the bitmap for a rare one (README, "Search").
 */
export function searchCondition(q: string): SQL | undefined {
  const terms = searchTerms(q);
  if (!terms.some((t) => length(t) >= 2)) return undefined;
  return and(
    ...terms.map((t) => {
      const n = length(t);
      if (n >= 3) return sql`${tickets.searchText} LIKE ${likePattern(t)}`;
      if (n === 2)
        return sql`(search_bigrams(${tickets.searchText}) @> ARRAY[${t}]::text[] AND strpos(${tickets.searchText}, ${t}) <> 0)`;
      return sql`strpos(${tickets.searchText}, ${t}) <> 0`;
    }),
  );
}
