import type { ServiceCtx } from '@/lib/context';
import { revokeApiKey } from './keys';
import type { RevokeKeyInput } from './schemas';

/** Revokes one of the service's keys at once (no grace). */
export async function revokeServiceKey(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: RevokeKeyInput) {
  await ctx.db.transaction((tx) => revokeApiKey(tx, ctx.service.id, input.keyId));
  return { keyId: input.keyId };
}
