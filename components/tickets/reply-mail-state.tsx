'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Mail } from 'lucide-react';
import { resendReplyMailAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useToast } from '@/components/ui/toast';

const TONE = { queued: 'text-slate-500', sent: 'text-emerald-700', failed: 'text-red-700' } as const;
type State = 'queued' | 'sent' | 'failed';
const LABEL = {
  reply: { queued: 'queued', sent: 'sent', failed: 'failed' },
  confirmation: { queued: 'confirmationQueued', sent: 'confirmationSent', failed: 'confirmationFailed' },
} as const;

/** One outgoing mail's state: 대기 / 발송 / 실패, with 재발송 on a failure (replies, confirmations, member mails). */
export function MailState({
  state,
  kind = 'reply',
  resend,
  className,
}: {
  state: State;
  kind?: keyof typeof LABEL;
  resend: () => Promise<{ ok: boolean; error?: string }>;
  className?: string;
}) {
  const t = useTranslations('email.conversation');
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  return (
    <p
      className={cn('flex items-center gap-2 text-xs', className ?? 'mt-2')}
      data-mail-state={state}
      data-mail-kind={kind}
    >
      <Mail className={cn('size-3', TONE[state])} aria-hidden />
      <span className={TONE[state]}>{t(LABEL[kind][state])}</span>
      {state === 'failed' && (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await resend();
              if (r.ok) {
                toast(t('resent'));
                router.refresh();
              } else toast(r.error ?? '', 'error');
            })
          }
        >
          {t('resend')}
        </Button>
      )}
    </p>
  );
}

/** A reply's mail to the customer, or the help-center confirmation of the inquiry. */
export function ReplyMailState({
  serviceId,
  mail,
}: {
  serviceId: string;
  mail: { deliveryId: string; state: State; attempts: number; kind?: 'reply' | 'confirmation' };
}) {
  return (
    <MailState
      state={mail.state}
      kind={mail.kind}
      resend={() => resendReplyMailAction(null, { serviceId, deliveryId: mail.deliveryId })}
    />
  );
}
