'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { changePasswordAction } from '@/app/me/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

/** 비밀번호 변경 on 내 정보; the member's other sessions end when it succeeds. */
export function ChangePasswordForm() {
  const t = useTranslations('account.change');
  const ti = useTranslations('invite');
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit, fieldErrors: fe, formError } = useFormAction(changePasswordAction);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="font-semibold">
        {t('title')}
      </h2>
      <TextField
        name="current"
        type="password"
        label={t('current')}
        autoComplete="current-password"
        required
        errors={fe?.current}
        maxLength={256}
      />
      <TextField
        name="password"
        type="password"
        label={ti('password')}
        help={ti('rule')}
        autoComplete="new-password"
        required
        errors={fe?.password}
        maxLength={128}
      />
      <TextField
        name="confirm"
        type="password"
        label={ti('confirm')}
        autoComplete="new-password"
        required
        errors={fe?.confirm}
        maxLength={128}
      />
      <FormError message={formError} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-700">
          {t('done')}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
