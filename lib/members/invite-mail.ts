import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { sendMail } from '@/lib/mail/send';
import { INVITE_HOURS } from './invite-token';

/** The public base URL of this deployment, for links in mails. */
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export async function sendInviteMail(locale: Locale, to: { name: string; email: string; loginId: string }, token: string, inviter: string) {
  const t = translator(locale);
  const link = `${appUrl()}/invite/${token}`;
  const params = { name: to.name, inviter, loginId: to.loginId, link, hours: INVITE_HOURS };
  return sendMail({
    to: `"${to.name.replace(/["\\]/g, '')}" <${to.email}>`,
    subject: t('mail.invite.subject', params),
    text: t('mail.invite.body', params),
  });
}
