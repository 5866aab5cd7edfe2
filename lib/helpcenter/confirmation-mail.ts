import 'server-only';
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '@/db';
import type { HelpcenterLocale } from '@/lib/i18n/helpcenter';
import { enqueueMail } from '@/lib/mail/outbox';
import { hitRateLimits } from '@/lib/rate-limit/hit';

/** SPEC §3: at most 3 confirmations a day to one address, and a bound per sending IP. */
export const MAIL_LIMITS = { perRecipient: 3, perIp: 10, windowSeconds: 86400 };

export type ConfirmationState = 'sent' | 'limited' | 'failed';

/**
 * Whether one more confirmation may go to this address from this IP (counted now, before the
 * ticket's transaction, so no limiter row is held locked until the ticket commits).
 */
export async function confirmationAllowed(db: Db, to: string, ip: string): Promise<boolean> {
  const w = MAIL_LIMITS.windowSeconds;
  const rate = await hitRateLimits(db, [
    // The address is hashed: a counter must not be one more copy of personal data.
    {
      key: `hc:mail:to:${createHash('sha256').update(to.toLowerCase()).digest('hex')}`,
      limit: MAIL_LIMITS.perRecipient,
      windowSeconds: w,
    },
    { key: `hc:mail:ip:${ip}`, limit: MAIL_LIMITS.perIp, windowSeconds: w },
  ]);
  return rate.ok;
}

/** Queues the customer's confirmation (their ticket number) in the ticket's own transaction. */
export async function enqueueConfirmation(
  tx: Queryable,
  mail: {
    serviceId: string;
    ticketId: string;
    to: string;
    locale: HelpcenterLocale;
    serviceName: string;
    number: number;
    subject: string;
    link: string;
  },
): Promise<void> {
  const { serviceId, ticketId, ...rest } = mail;
  await enqueueMail(tx, { serviceId, ticketId, target: 'customer', mail: { kind: 'confirmation_mail', ...rest } });
}
