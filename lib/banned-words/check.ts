import { eq } from 'drizzle-orm';
import { bannedWords, bannedWordVersions } from '@/db/schema';
import type { Queryable } from '@/db';
import { ValidationError } from '@/lib/errors';
import { compileMatcher, type BannedMatch, type Matcher } from './matcher';

export type { BannedMatch };

type Cached = { version: number; matcher: Matcher };
const globalCache = globalThis as unknown as { __bannedWordMatchers?: Map<string, Cached> };
const cache = (globalCache.__bannedWordMatchers ??= new Map());

/**
 * The service's compiled matcher. Each call costs one primary-key read of the list's version
 * (so every app instance sees a change at once); the words are loaded and compiled again only
 * when the version moved. The version is read before the words: a change committed in between
 * is cached under the older version and simply compiled once more on the next call.
 */
export async function serviceMatcher(db: Queryable, serviceId: string): Promise<Matcher> {
  const [row] = await db
    .select({ version: bannedWordVersions.version })
    .from(bannedWordVersions)
    .where(eq(bannedWordVersions.serviceId, serviceId));
  const version = row?.version ?? -1;
  const hit = cache.get(serviceId);
  if (hit && hit.version === version) return hit.matcher;
  const words =
    version < 0
      ? []
      : await db
          .select({ word: bannedWords.word, key: bannedWords.matchKey })
          .from(bannedWords)
          .where(eq(bannedWords.serviceId, serviceId));
  const matcher = compileMatcher(words);
  cache.set(serviceId, { version, matcher });
  return matcher;
}

/** Every occurrence of the service's banned words in `text`, with positions in `text` itself. */
export async function findBannedWords(db: Queryable, serviceId: string, text: string): Promise<BannedMatch[]> {
  if (!text) return [];
  return (await serviceMatcher(db, serviceId)).find(text);
}

/** The distinct words of `matches`, in order of first occurrence. */
export function distinctWords(matches: readonly BannedMatch[]): string[] {
  return [...new Set(matches.map((m) => m.word))];
}

/**
 * Refuses `text` when it contains a banned word: a ValidationError with a field error on
 * `field` naming the words, so any action shows it beside the reply box. Every path that sends
 * or saves an agent reply calls this (SPEC §9).
 */
export async function assertNoBannedWords(
  db: Queryable,
  serviceId: string,
  text: string,
  field = 'body',
): Promise<void> {
  const matches = await findBannedWords(db, serviceId, text);
  if (!matches.length) return;
  const words = distinctWords(matches);
  throw new ValidationError(
    { [field]: [{ key: 'bannedWords.found', params: { words: words.join(', '), count: words.length } }] },
    'bannedWords.found',
    {
      words: words.join(', '),
      count: words.length,
    },
  );
}
