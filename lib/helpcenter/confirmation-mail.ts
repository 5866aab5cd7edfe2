import 'server-only';
import type { Db } from '@/lib/db';
import { helpcenterTranslator, type HelpcenterLocale } from '@/lib/i18n/helpcenter';
import { sendMail } from '@/lib/mail/send';
import { serviceSender } from '@/lib/mail/sender';
import { hitRateLimits } from '@/lib/rate-limit/hit';

/** SPEC §3: at most 3 confirmations a day to one address, and a bound per sending IP. */
export const MAIL_LIMITS = { perRecipient: 3, perIp: 10, windowSeconds: 86400 };

export type ConfirmationState = 'sent' | 'limited' | 'failed';

/**
 * Mails the customer their ticket number, after the ticket is committed. Limited per
 * recipient and per IP so the form cannot flood a third party; a failure is logged and
 * never undoes the ticket.
 */
export async function sendConfirmation(
  db: Db,
  mail: { to: string; ip: string; locale: HelpcenterLocale; serviceName: string; number: number; subject: string; link: string },
): Promise<ConfirmationState> {
  const w = MAIL_LIMITS.windowSeconds;
  const rate = await hitRateLimits(db, [
    { key: `hc:mail:to:${mail.to.toLowerCase()}`, limit: MAIL_LIMITS.perRecipient, windowSeconds: w },
    { key: `hc:mail:ip:${mail.ip}`, limit: MAIL_LIMITS.perIp, windowSeconds: w },
  ]);
  if (!rate.ok) return 'limited';
  const t = helpcenterTranslator(mail.locale);
  try {
    await sendMail({
      from: serviceSender(mail.serviceName),
      to: mail.to,
      subject: t('helpcenter.mail.subject', { service: mail.serviceName, number: mail.number }),
      text: t('helpcenter.mail.body', { service: mail.serviceName, number: mail.number, subject: mail.subject, link: mail.link }),
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    return 'sent';
  } catch (err) {
    // No address or content in the log: only that this ticket's confirmation failed.
    console.error('[helpcenter] confirmation mail failed for ticket', mail.number, err instanceof Error ? err.message : err);
    return 'failed';
  }
}
