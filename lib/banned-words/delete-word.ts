import { and, eq } from 'drizzle-orm';
import { bannedWords } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { bumpBannedWordVersion } from './version';
import type { BannedWordIdInput } from './schemas';

/** 금칙어 삭제. */
export async function deleteBannedWord(ctx: Pick<ServiceCtx, 'db' | 'service'>, { id }: BannedWordIdInput) {
  return ctx.db.transaction(async (tx) => {
    await bumpBannedWordVersion(tx, ctx.service.id);
    const [row] = await tx
      .delete(bannedWords)
      .where(and(eq(bannedWords.serviceId, ctx.service.id), eq(bannedWords.id, id)))
      .returning();
    if (!row) throw new NotFoundError();
    return { word: row.word };
  });
}
