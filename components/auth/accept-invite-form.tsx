'use client';

import { useTranslations } from 'next-intl';
import { acceptInviteAction } from '@/app/invite/[token]/actions';
import { PasswordForm } from './password-form';

/** 초대 수락: the invited member sets a password. */
export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations('invite');
  return (
    <PasswordForm action={acceptInviteAction} token={token} submitLabel={t('submit')} doneTitle={t('doneTitle')} />
  );
}
