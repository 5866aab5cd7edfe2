import type { ServiceCtx } from '@/lib/context';
import { issueApiKey } from './keys';

/** 서비스 Key 생성 / API Key 변경 by an admin: the new key is in the result once and never again. */
export async function issueServiceKey(ctx: Pick<ServiceCtx, 'db' | 'service' | 'member'>) {
  const made = await ctx.db.transaction((tx) => issueApiKey(tx, ctx.service.id, ctx.member.id));
  return { key: made.key, graceUntil: made.graceUntil?.toISOString() ?? null };
}
