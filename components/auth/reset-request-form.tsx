'use client';

import { useTranslations } from 'next-intl';
import { requestPasswordResetAction } from '@/app/password-reset/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

/** 비밀번호 찾기: always the same answer, whether or not the login exists. */
export function ResetRequestForm() {
  const t = useTranslations('account.reset');
  const ta = useTranslations('auth');
  const { state, pending, onSubmit, fieldErrors: fe, formError } = useFormAction(requestPasswordResetAction);
  if (state?.ok)
    return (
      <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
        {t('requested')}
      </p>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField name="login" label={ta('login')} autoComplete="username" required errors={fe?.login} maxLength={200} />
      <FormError message={formError} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t('requestSubmit')}
      </Button>
    </form>
  );
}
