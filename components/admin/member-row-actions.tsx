'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { resendInviteAction, setMemberActiveAction, unlockMemberAction } from '@/app/admin/members/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';

type Props = {
  member: { id: string; name: string; loginId: string; status: 'invited' | 'active' | 'deactivated' };
  isSelf: boolean;
  locked?: boolean;
};

export function MemberRowActions({ member, isSelf, locked = false }: Props) {
  const ta = useTranslations('account.unlock');
  const t = useTranslations('admin.members');
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const run = (fn: () => ReturnType<typeof resendInviteAction>, done: string) =>
    start(async () => {
      const r = await fn();
      setConfirming(false);
      if (r.ok) {
        toast(done);
        router.refresh();
      } else toast(r.error, 'error');
    });

  return (
    <div className="flex justify-end gap-2">
      {locked && (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => unlockMemberAction(null, { memberId: member.id }), ta('done'))}
          aria-label={ta('label', { name: member.name })}
        >
          {ta('button')}
        </Button>
      )}
      {member.status === 'invited' && (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => resendInviteAction(null, { memberId: member.id }), t('resent'))}
        >
          {t('resend')}
        </Button>
      )}
      {member.status === 'deactivated' ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(() => setMemberActiveAction(null, { memberId: member.id, active: true }), t('reactivated'))
          }
        >
          {t('reactivate')}
        </Button>
      ) : (
        !isSelf && (
          <Button
            size="sm"
            variant="ghost"
            className="text-red-700"
            disabled={pending}
            onClick={() => setConfirming(true)}
          >
            {t('deactivate')}
          </Button>
        )
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('confirmDeactivateTitle')}
        description={t('confirmDeactivateBody', { name: member.name, loginId: member.loginId })}
        confirmLabel={t('deactivate')}
        pending={pending}
        onConfirm={() =>
          run(() => setMemberActiveAction(null, { memberId: member.id, active: false }), t('deactivated'))
        }
      />
    </div>
  );
}
