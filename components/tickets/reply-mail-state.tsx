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

const LABEL = { reply: { queued: 'queued', sent: 'sent', failed: 'failed' }, confirmation: { queued: 'confirmationQueued', sent: 'confirmationSent', failed: 'confirmationFailed' } } as const;

/** A reply's mail to the customer, or the help-center confirmation of the inquiry: 대기 / 발송 / 실패, with 재발송 on a failure. */
export function ReplyMailState({ serviceId, mail }: { serviceId: string; mail: { deliveryId: string; state: 'queued' | 'sent' | 'failed'; attempts: number; kind?: 'reply' | 'confirmation' } }) {
  const t = useTranslations('email.conversation');
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  return (
    <p className="mt-2 flex items-center gap-2 text-xs" data-mail-state={mail.state} data-mail-kind={mail.kind ?? 'reply'}>
      <Mail className={cn('size-3', TONE[mail.state])} aria-hidden />
      <span className={TONE[mail.state]}>{t(LABEL[mail.kind ?? 'reply'][mail.state])}</span>
      {mail.state === 'failed' && (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await resendReplyMailAction(null, { serviceId, deliveryId: mail.deliveryId });
              if (r.ok) {
                toast(t('resent'));
                router.refresh();
              } else toast(r.error, 'error');
            })
          }
        >
          {t('resend')}
        </Button>
      )}
    </p>
  );
}
