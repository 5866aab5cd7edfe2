'use client';

import { resendMemberMailAction } from '@/app/admin/members/actions';
import { MailState } from '@/components/tickets/reply-mail-state';

/** A member's latest invite or password-reset mail on the members screen: 대기 / 발송 / 실패, with 재발송 on a failure. */
export function MemberMailState({ mail }: { mail: { deliveryId: string; state: 'queued' | 'sent' | 'failed' } }) {
  return (
    <MailState
      state={mail.state}
      className="mt-1"
      resend={() => resendMemberMailAction(null, { deliveryId: mail.deliveryId })}
    />
  );
}
