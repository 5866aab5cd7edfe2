import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { getDb } from '@/db';
import { inviteState } from '@/lib/members/invite-token';
import { safeDecode } from '@/lib/validation/dates';

export default async function PasswordResetTokenPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await inviteState(getDb(), safeDecode(token) ?? '');
  const t = await getTranslations('account.reset');
  return (
    <AuthCard>
      {state.state === 'valid' ? (
        <>
          <h1 className="mt-1 text-2xl font-semibold">{t('setTitle')}</h1>
          <p className="mt-1 mb-6 text-sm text-slate-600">{t('setIntro', { loginId: state.member.loginId })}</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <>
          <h1 className="mt-1 text-xl font-semibold">{t(`${state.state}Title`)}</h1>
          <p className="mt-2 text-sm text-slate-600">{t(`${state.state}Body`)}</p>
          <Link href="/password-reset" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
            {t('again')}
          </Link>
        </>
      )}
    </AuthCard>
  );
}
