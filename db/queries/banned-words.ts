import 'server-only';
import { and, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { bannedWords } from '@/db/schema';
import type { Queryable } from '@/db';
import { likePattern } from '@/db/like';
import { beforeCursor, cursorTime, formatTimeCursor, type TimeCursor } from '@/db/pagination';

export const BANNED_WORDS_PAGE = 50;

/** A page of the service's banned words, newest first (keyset on the created index). */
export async function listBannedWords(db: Queryable, params: { serviceId: string; q?: string; after?: TimeCursor }) {
  const where: SQL[] = [eq(bannedWords.serviceId, params.serviceId)];
  if (params.q) where.push(ilike(bannedWords.word, likePattern(params.q)));
  if (params.after) where.push(beforeCursor(bannedWords.createdAt, bannedWords.id, params.after));
  const rows = await db
    .select({
      id: bannedWords.id,
      word: bannedWords.word,
      createdAt: bannedWords.createdAt,
      at: cursorTime(bannedWords.createdAt),
    })
    .from(bannedWords)
    .where(and(...where))
    .orderBy(desc(bannedWords.createdAt), desc(bannedWords.id))
    .limit(BANNED_WORDS_PAGE + 1);
  const page = rows.slice(0, BANNED_WORDS_PAGE);
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > BANNED_WORDS_PAGE && last ? formatTimeCursor({ at: last.at, id: last.id }) : null,
  };
}
