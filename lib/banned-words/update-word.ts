import { and, eq, ne, sql } from 'drizzle-orm';
import { bannedWords } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { checkWord, problemMessage } from './rules';
import type { UpdateBannedWordInput } from './schemas';
import { bumpBannedWordVersion } from './version';

/** 금칙어 수정: same rules as adding; the list version moves so every instance recompiles. */
export async function updateBannedWord(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: UpdateBannedWordInput) {
  const serviceId = ctx.service.id;
  const r = checkWord(input.word);
  if (!r.ok) {
    const m = problemMessage(r.problem, input.word.trim());
    throw ValidationError.field('word', m.key, m.params);
  }
  return ctx.db.transaction(async (tx) => {
    await bumpBannedWordVersion(tx, serviceId);
    const [clash] = await tx
      .select({ word: bannedWords.word })
      .from(bannedWords)
      .where(
        and(eq(bannedWords.serviceId, serviceId), eq(bannedWords.matchKey, r.value.key), ne(bannedWords.id, input.id)),
      );
    if (clash) throw ValidationError.field('word', 'bannedWords.problem.exists', { word: clash.word });
    const [row] = await tx
      .update(bannedWords)
      .set({ word: r.value.word, matchKey: r.value.key, updatedAt: sql`now()` })
      .where(and(eq(bannedWords.serviceId, serviceId), eq(bannedWords.id, input.id)))
      .returning();
    if (!row) throw new NotFoundError();
    return row;
  });
}
