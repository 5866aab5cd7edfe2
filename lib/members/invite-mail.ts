import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { sendMail } from '@/lib/mail/send';
import { INVITE_HOURS } from './invite-token';

/** The public base URL of this deployment, for links in mails. */
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export async function sendInviteMail(locale: Locale, to: { name: string; email: string; loginId: string }, token: string, inviter: string) {
  return sendMemberLinkMail('invite', locale, to, `/invite/${token}`, { inviter, hours: INVITE_HOURS });
}

/** The password-reset mail goes out exactly the way invites do (one sending path for both). */
export async function sendPasswordResetMail(locale: Locale, to: { name: string; email: string; loginId: string }, token: string, hours: number) {
  return sendMemberLinkMail('passwordReset', locale, to, `/password-reset/${token}`, { inviter: '', hours });
}

async function sendMemberLinkMail(kind: 'invite' | 'passwordReset', locale: Locale, to: { name: string; email: string; loginId: string }, path: string, extra: { inviter: string; hours: number }) {
  const t = translator(locale);
  const link = `${appUrl()}${path}`;
  const params = { name: to.name, loginId: to.loginId, link, ...extra };
  const keys = kind === 'invite' ? { subject: 'mail.invite.subject', body: 'mail.invite.body' } : { subject: 'account.resetMail.subject', body: 'account.resetMail.body' };
  return sendMail({
    to: `"${to.name.replace(/["\\]/g, '')}" <${to.email}>`,
    subject: t(keys.subject, params),
    text: t(keys.body, params),
  });
}
