'use client';

import { useTranslations } from 'next-intl';
import { changePasswordAction } from '@/app/me/actions';
import { PasswordForm } from './password-form';

/** 비밀번호 변경 on 내 정보; the member's other sessions end when it succeeds. */
export function ChangePasswordForm() {
  const t = useTranslations('account.change');
  return (
    <PasswordForm
      action={changePasswordAction}
      submitLabel={t('submit')}
      change={{ title: t('title'), currentLabel: t('current'), doneMessage: t('done') }}
    />
  );
}
