import type { ServiceCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { doorayHookUrl } from './config';

/**
 * 보기/복사 of the Dooray inbound hook URL: the whole URL carries the token that lets anyone post
 * into this desk, so each reveal leaves a `secret_revealed` access-log row (never the URL itself),
 * in the same transaction as the read, like a personal value's 보기.
 */
export async function revealHookUrl(ctx: ServiceCtx): Promise<{ url: string }> {
  return ctx.db.transaction(async (tx) => {
    const url = await doorayHookUrl({ db: tx, service: ctx.service });
    await recordAccess(tx, {
      event: 'secret_revealed',
      memberId: ctx.member.id,
      serviceId: ctx.service.id,
      subject: ctx.member.loginId,
      detail: { secret: 'dooray_hook_url' },
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return { url };
  });
}
