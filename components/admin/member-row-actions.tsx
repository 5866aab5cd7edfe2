'use client';

import { useTranslations } from 'next-intl';
import { resendInviteAction, setMemberActiveAction, unlockMemberAction } from '@/app/admin/members/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';

type Props = {
  member: { id: string; name: string; loginId: string; status: 'invited' | 'active' | 'deactivated' };
  isSelf: boolean;
  locked?: boolean;
};

export function MemberRowActions({ member, isSelf, locked = false }: Props) {
  const ta = useTranslations('account.unlock');
  const t = useTranslations('admin.members');
  const memberId = member.id;
  const unlock = useConfirmedAction(
    () => unlockMemberAction(null, { memberId }),
    () => ta('done'),
  );
  const resend = useConfirmedAction(
    () => resendInviteAction(null, { memberId }),
    () => t('resent'),
  );
  const reactivate = useConfirmedAction(
    () => setMemberActiveAction(null, { memberId, active: true }),
    () => t('reactivated'),
  );
  const deactivate = useConfirmedAction(
    () => setMemberActiveAction(null, { memberId, active: false }),
    () => t('deactivated'),
  );
  // One row, one change at a time: every button waits for whichever is running.
  const pending = unlock.pending || resend.pending || reactivate.pending || deactivate.pending;

  return (
    <div className="flex justify-end gap-2">
      {locked && (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={unlock.run}
          aria-label={ta('label', { name: member.name })}
        >
          {ta('button')}
        </Button>
      )}
      {member.status === 'invited' && (
        <Button size="sm" variant="secondary" disabled={pending} onClick={resend.run}>
          {t('resend')}
        </Button>
      )}
      {member.status === 'deactivated' ? (
        <Button size="sm" variant="secondary" disabled={pending} onClick={reactivate.run}>
          {t('reactivate')}
        </Button>
      ) : (
        !isSelf && (
          <Button size="sm" variant="ghost" className="text-red-700" disabled={pending} onClick={deactivate.ask}>
            {t('deactivate')}
          </Button>
        )
      )}
      <ConfirmDialog
        {...deactivate.dialog}
        title={t('confirmDeactivateTitle')}
        description={t('confirmDeactivateBody', { name: member.name, loginId: member.loginId })}
        confirmLabel={t('deactivate')}
      />
    </div>
  );
}
