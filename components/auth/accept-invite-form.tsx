'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { acceptInviteAction } from '@/app/invite/[token]/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations('invite');
  const { state, pending, onSubmit, fieldErrors: fe, formError } = useFormAction(acceptInviteAction);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-4">
        <h2 className="text-lg font-semibold">{t('doneTitle')}</h2>
        <p className="text-sm text-slate-600">{t('doneBody', { loginId: state.data.loginId })}</p>
        <Link
          href="/login"
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t('goLogin')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        help={t('rule')}
        autoComplete="new-password"
        required
        errors={fe?.password}
        maxLength={128}
      />
      <TextField
        name="confirm"
        type="password"
        label={t('confirm')}
        autoComplete="new-password"
        required
        errors={fe?.confirm}
        maxLength={128}
      />
      <FormError message={formError} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
