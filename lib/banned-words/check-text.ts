import type { ServiceCtx } from '@/lib/context';
import { findBannedWords } from './check';
import type { CheckBannedWordsInput } from './schemas';

/** The client-side pre-check of 처리하기 / 미리보기: the banned words in a draft, with positions. */
export async function checkBannedWords(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: CheckBannedWordsInput) {
  return { matches: await findBannedWords(ctx.db, ctx.service.id, input.text) };
}
