import { randomUUID } from 'node:crypto';
import { encryptValue } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';
import type { Queryable } from '@/db';
import type { Locale } from '@/lib/i18n/config';
import { inviteTokenBinding } from '@/lib/mail/compose-queued';
import { enqueueMail } from '@/lib/mail/outbox';

/** The delivery target of a member's own mails: the members screen finds their latest by it (no address in it). */
export const memberMailTarget = (memberId: string) => `member:${memberId}`;

/**
 * Queues the invite mail in the invite's transaction. The one-time token is sealed with the
 * master key (bound to the delivery row) and opened only by the worker when it sends.
 */
export async function enqueueInviteMail(
  tx: Queryable,
  locale: Locale,
  to: { id: string; name: string; email: string; loginId: string },
  token: string,
  inviter: string,
  serviceId: string | null = null,
) {
  const id = randomUUID();
  const sealedToken = encryptValue(masterKey(), token, inviteTokenBinding(id));
  return enqueueMail(tx, {
    id,
    serviceId,
    target: memberMailTarget(to.id),
    mail: { kind: 'invite_mail', to: to.email, name: to.name, loginId: to.loginId, locale, inviter, sealedToken },
  });
}

/**
 * The password-reset mail goes out exactly the way invites do: queued in the transaction that
 * issued its single-use token, the token sealed to the delivery row and opened only to send.
 */
export async function enqueuePasswordResetMail(
  tx: Queryable,
  locale: Locale,
  to: { id: string; name: string; email: string; loginId: string },
  token: string,
  hours: number,
) {
  const id = randomUUID();
  const sealedToken = encryptValue(masterKey(), token, inviteTokenBinding(id));
  return enqueueMail(tx, {
    id,
    serviceId: null,
    target: memberMailTarget(to.id),
    mail: {
      kind: 'invite_mail',
      purpose: 'passwordReset',
      hours,
      to: to.email,
      name: to.name,
      loginId: to.loginId,
      locale,
      inviter: '',
      sealedToken,
    },
  });
}
