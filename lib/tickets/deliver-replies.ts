import type { ServiceCtx } from '@/lib/actions/context';
import { writeHistory } from './history';
import { sendReplyMail } from './reply-mail';
import { safeError } from '@/lib/log/safe-error';

/**
 * Mails the agent replies just committed (해결 / 보류) to their customers. A failed send
 * never undoes the reply: it is written to the ticket's history so the agent sees it.
 */
export async function deliverReplies(ctx: Pick<ServiceCtx, 'db' | 'service'>, replies: { ticketId: string; messageId: string | null }[], action: string): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  if (action !== 'solve' && action !== 'pend') return { sent, failed };
  for (const r of replies) {
    if (!r.messageId) continue;
    try {
      const out = await sendReplyMail(ctx.db, ctx.service.id, r.ticketId, r.messageId);
      if (out.sent) {
        sent++;
        await writeHistory(ctx.db, ctx.service.id, r.ticketId, { type: 'system' }, [{ action: 'mail_sent', detail: { messageId: r.messageId } }]);
      }
    } catch (err) {
      failed++;
      console.error('[tickets] reply mail failed', safeError(err));
      await writeHistory(ctx.db, ctx.service.id, r.ticketId, { type: 'system' }, [{ action: 'mail_failed', detail: { messageId: r.messageId } }]).catch(() => {});
    }
  }
  return { sent, failed };
}
