import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { smsMessages } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { enqueueChannelDelivery, hostOf } from '@/lib/channels/outbox';
import { ConflictError, ValidationError } from '@/lib/errors';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
import { memberActor } from '@/lib/tickets/change';
import { writeHistory } from '@/lib/tickets/history';
import { loadTicket } from '@/lib/tickets/snapshot';
import { smsLength } from './bytes';
import { maskPhone, sealRecipient } from './recipient';
import { requireSmsEnabled, smsConfig } from './config';
import { cp949Encodable } from './encoding';
import { phoneNumber, type sendSmsInput } from './schemas';

/**
 * SMS/LMS from a ticket: checks the sender is allowed, the number is a number and the text fits
 * the provider's encoding (substitution codes rendered for the requester first), then writes the
 * message, its history line and its delivery in one transaction. The dialog's `clickKey` makes a
 * repeated submit of the same click return the first message instead of sending again.
 */
export async function sendTicketSms(ctx: ServiceCtx, input: z.output<typeof sendSmsInput>) {
  const serviceId = ctx.service.id;
  await requireSmsEnabled(ctx.db, serviceId);
  const cfg = await smsConfig(ctx.db, serviceId);
  if (!cfg) throw new ConflictError('channels.sms.errors.noConfig');
  if (!cfg.allowedSenders.includes(input.senderNo))
    throw ValidationError.field('senderNo', 'channels.sms.errors.senderNotAllowed');
  const [already] = await ctx.db
    .select({ id: smsMessages.id, type: smsMessages.type })
    .from(smsMessages)
    .where(and(eq(smsMessages.serviceId, serviceId), eq(smsMessages.clickKey, input.clickKey)));
  if (already) return { id: already.id, type: already.type, repeated: true };
  const { row, snapshot } = await loadTicket(ctx.db, serviceId, input.ticketId);
  let recipient = input.recipientNo;
  if (input.to === 'requester') {
    const values = await readFieldValues(ctx.db, serviceId, row.id, { reveal: true });
    const v = values.phone?.value;
    recipient = row.requesterPhone || (typeof v === 'string' && !values.phone?.destroyed ? v : '');
    if (!recipient) throw ValidationError.field('recipientNo', 'channels.sms.errors.noRequesterPhone');
  }
  const phone = phoneNumber.safeParse(recipient);
  if (!phone.success) throw ValidationError.field('recipientNo', 'channels.sms.errors.phone');
  // Rendered for the requester themself: their own encrypted fields may appear (SPEC §7).
  const values = await substitutionValues(ctx.db, snapshot, { audience: 'customer' });
  const body = renderCodes(input.body, values, { html: false });
  const title = renderCodes(input.title, values, { html: false }).slice(0, 120);
  const len = smsLength(body, cp949Encodable);
  if (len.unsendable.length)
    throw ValidationError.field('body', 'channels.sms.errors.unsendable', {
      detail: len.unsendable.slice(0, 10).join(' '),
    });
  if (len.tooLong) throw ValidationError.field('body', 'channels.sms.errors.tooLong', { bytes: len.bytes });
  if (len.type === 'lms' && !title) throw ValidationError.field('title', 'channels.sms.errors.titleRequired');
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const [m] = await tx
      .insert(smsMessages)
      .values({
        id,
        serviceId,
        ticketId: row.id,
        memberId: ctx.member.id,
        clickKey: input.clickKey,
        type: len.type,
        senderNo: input.senderNo,
        recipientSealed: sealRecipient(id, phone.data),
        recipientMasked: maskPhone(phone.data),
        title: len.type === 'lms' ? title : null,
        body,
      })
      .onConflictDoNothing()
      .returning({ id: smsMessages.id });
    if (!m) {
      // The same click raced itself: the first insert won and sends; this one reports it.
      const [first] = await tx
        .select({ id: smsMessages.id, type: smsMessages.type })
        .from(smsMessages)
        .where(and(eq(smsMessages.serviceId, serviceId), eq(smsMessages.clickKey, input.clickKey)));
      return { id: first.id, type: first.type, repeated: true };
    }
    const deliveryId = await enqueueChannelDelivery(tx, {
      serviceId,
      ticketId: row.id,
      kind: 'sms',
      label: len.type.toUpperCase(),
      target: hostOf(cfg.apiBaseUrl),
      request: { smsId: m.id },
    });
    await tx.update(smsMessages).set({ deliveryId }).where(eq(smsMessages.id, m.id));
    await writeHistory(tx, serviceId, row.id, memberActor(ctx), [
      { action: 'sms', detail: { smsId: m.id, type: len.type, sender: input.senderNo, bytes: len.bytes } },
    ]);
    return { id: m.id, type: len.type, repeated: false };
  });
}
