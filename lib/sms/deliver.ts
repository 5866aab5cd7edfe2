import { and, eq } from 'drizzle-orm';
import { smsMessages, type ServiceDelivery } from '@/db/schema';
import { ProviderError } from '@/lib/channels/provider';
import type { Db } from '@/db';
import type { ChannelOutcome } from '@/lib/dooray/deliver';
import { sendMessage } from './api';
import { smsAuth, smsConfig } from './config';
import { openRecipient } from './recipient';

/**
 * Sends one ticket SMS/LMS. A message already marked sent is never sent again (a retried job);
 * the provider's request id and result are kept on the message; a provider refusal is final.
 */
export async function sendSms(db: Db, d: ServiceDelivery): Promise<ChannelOutcome> {
  const smsId = String((d.request as { smsId?: string }).smsId ?? '');
  const [m] = await db
    .select()
    .from(smsMessages)
    .where(and(eq(smsMessages.serviceId, d.serviceId), eq(smsMessages.id, smsId)));
  if (!m) return { ok: false, errorClass: 'sms_gone', permanent: true };
  if (m.state === 'sent') return { ok: true, response: `requestId ${m.requestId}` };
  if (m.state === 'failed') return { ok: false, errorClass: 'sms_failed', permanent: true };
  const cfg = await smsConfig(db, d.serviceId);
  if (!cfg) return { ok: false, errorClass: 'no_config', permanent: true };
  try {
    const r = await sendMessage(smsAuth(cfg), {
      type: m.type,
      sendNo: m.senderNo,
      recipientNo: openRecipient(m.id, m.recipientSealed),
      title: m.title,
      body: m.body,
      groupingKey: m.id,
    });
    const ok = r.resultCode === '0';
    await db
      .update(smsMessages)
      .set({
        state: ok ? 'sent' : 'failed',
        requestId: r.requestId,
        resultCode: r.resultCode,
        resultMessage: r.resultMessage.slice(0, 300),
        updatedAt: new Date(),
      })
      .where(eq(smsMessages.id, m.id));
    return ok
      ? { ok: true, response: `requestId ${r.requestId}` }
      : { ok: false, errorClass: `sms_${r.resultCode}`, permanent: true, response: r.resultMessage };
  } catch (err) {
    if (err instanceof ProviderError && err.permanent) {
      await db
        .update(smsMessages)
        .set({ state: 'failed', resultCode: err.code ?? null, resultMessage: err.detail, updatedAt: new Date() })
        .where(eq(smsMessages.id, m.id));
    }
    throw err;
  }
}
