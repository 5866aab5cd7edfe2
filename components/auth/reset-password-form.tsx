'use client';

import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/app/password-reset/actions';
import { PasswordForm } from './password-form';

/** 비밀번호 재설정 by an e-mailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('account.reset');
  return (
    <PasswordForm action={resetPasswordAction} token={token} submitLabel={t('setSubmit')} doneTitle={t('doneTitle')} />
  );
}
