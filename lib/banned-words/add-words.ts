import { count, eq, and, inArray } from 'drizzle-orm';
import { bannedWords } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { checkWord, lineErrors, type CheckedWord, type WordProblem } from './rules';
import { BANNED_WORDS_PER_ADD, BANNED_WORDS_PER_SERVICE, type AddBannedWordsInput } from './schemas';
import { bumpBannedWordVersion } from './version';

/**
 * 금칙어 추가: one word per line (blank lines are only spacing). All or nothing: any bad line
 * (empty after trimming is skipped, too long, no letters, a duplicate in the paste or in the
 * list) refuses the whole paste with the lines named.
 */
export async function addBannedWords(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: AddBannedWordsInput,
): Promise<{ added: number }> {
  const serviceId = ctx.service.id;
  const lines = input.words
    .split(/\r?\n/)
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter((l) => l.raw.trim() !== '');
  if (!lines.length) throw ValidationError.field('words', 'bannedWords.problem.empty');
  if (lines.length > BANNED_WORDS_PER_ADD)
    throw ValidationError.field('words', 'bannedWords.tooManyAtOnce', {
      max: BANNED_WORDS_PER_ADD,
      count: lines.length,
    });

  const problems: { line: number; word: string; problem: WordProblem }[] = [];
  const accepted: (CheckedWord & { line: number })[] = [];
  const seen = new Map<string, number>();
  for (const l of lines) {
    const r = checkWord(l.raw);
    if (!r.ok) problems.push({ line: l.line, word: l.raw.trim(), problem: r.problem });
    else if (seen.has(r.value.key)) problems.push({ line: l.line, word: r.value.word, problem: 'duplicate' });
    else {
      seen.set(r.value.key, l.line);
      accepted.push({ ...r.value, line: l.line });
    }
  }
  if (problems.length) throw lineErrors('words', problems);

  return ctx.db.transaction(async (tx) => {
    await bumpBannedWordVersion(tx, serviceId);
    const existing = await tx
      .select({ key: bannedWords.matchKey })
      .from(bannedWords)
      .where(
        and(
          eq(bannedWords.serviceId, serviceId),
          inArray(
            bannedWords.matchKey,
            accepted.map((a) => a.key),
          ),
        ),
      );
    if (existing.length) {
      const taken = new Set(existing.map((e) => e.key));
      throw lineErrors(
        'words',
        accepted
          .filter((a) => taken.has(a.key))
          .map((a) => ({ line: a.line, word: a.word, problem: 'exists' as const })),
      );
    }
    const [{ total }] = await tx
      .select({ total: count() })
      .from(bannedWords)
      .where(eq(bannedWords.serviceId, serviceId));
    if (total + accepted.length > BANNED_WORDS_PER_SERVICE) {
      throw ValidationError.field('words', 'bannedWords.listFull', { max: BANNED_WORDS_PER_SERVICE, count: total });
    }
    await tx.insert(bannedWords).values(accepted.map((a) => ({ serviceId, word: a.word, matchKey: a.key })));
    return { added: accepted.length };
  });
}
