import type { MailLayoutEvent, TriggerDelivery } from '@/db/schema';
import type { Db } from '@/db';
import { decryptValue } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';
import { isLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { appUrl } from '@/lib/app-url';
import { INVITE_HOURS } from '@/lib/members/invite-token';
import { replyMailOf } from '@/lib/tickets/reply-mail';
import { deliveryMessageId } from './domain';
import type { QueuedMail } from './outbox';
import type { OutgoingMail } from './send';
import { serviceSender, type ServiceSender } from './sender';

/** Where an invite's token is sealed: bound to its delivery row, so a copied ciphertext opens nowhere else. */
export const inviteTokenBinding = (deliveryId: string) => ({
  table: 'trigger_deliveries',
  column: 'request',
  rowId: deliveryId,
  field: 'token',
});

type Req<K extends QueuedMail['kind']> = Omit<Extract<QueuedMail, { kind: K }>, 'kind'>;

/**
 * Renders a queued product mail at send time. Null means there is nothing to send any more
 * (the ticket or its reply is gone, the customer has no address): the delivery ends as delivered.
 */
export async function composeQueuedMail(
  db: Db,
  d: TriggerDelivery,
  senderOf: (serviceId: string) => Promise<ServiceSender> = (id) => serviceSender(db, id),
): Promise<OutgoingMail | null> {
  const messageId = deliveryMessageId(d.id);
  if (d.kind === 'reply_mail') {
    if (!d.serviceId || !d.ticketId || !d.ticketMessageId) return null;
    const r = d.request as Req<'reply_mail'>;
    return replyMailOf(db, d.serviceId, d.ticketId, d.ticketMessageId, messageId, r.event as MailLayoutEvent);
  }
  if (d.kind === 'confirmation_mail') {
    const r = d.request as Req<'confirmation_mail'>;
    const t = translator(isLocale(r.locale) ? r.locale : 'ko');
    const sender = d.serviceId ? await senderOf(d.serviceId) : null;
    return {
      to: r.to,
      from: sender?.from,
      replyTo: sender?.replyTo,
      subject: t('helpcenter.mail.subject', { service: r.serviceName, number: r.number }),
      text: t('helpcenter.mail.body', { service: r.serviceName, number: r.number, subject: r.subject, link: r.link }),
      messageId,
      // An automatic answer to the customer's form (RFC 3834): their autoresponder must not answer it.
      headers: { 'Auto-Submitted': 'auto-replied' },
    };
  }
  if (d.kind === 'invite_mail') {
    const r = d.request as Req<'invite_mail'>;
    const t = translator(isLocale(r.locale) ? r.locale : 'ko');
    const token = decryptValue<string>(masterKey(), r.sealedToken, inviteTokenBinding(d.id));
    const reset = r.purpose === 'passwordReset';
    const params = {
      name: r.name,
      inviter: r.inviter,
      loginId: r.loginId,
      link: `${appUrl()}/${reset ? 'password-reset' : 'invite'}/${token}`,
      hours: r.hours ?? INVITE_HOURS,
    };
    const keys = reset
      ? { subject: 'account.resetMail.subject', body: 'account.resetMail.body' }
      : { subject: 'mail.invite.subject', body: 'mail.invite.body' };
    return {
      to: `"${r.name.replace(/["\\\r\n]/g, '')}" <${r.to}>`,
      subject: t(keys.subject, params),
      text: t(keys.body, params),
      messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    };
  }
  return null;
}
