import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetRequestForm } from '@/components/auth/reset-request-form';

export default async function PasswordResetPage() {
  const t = await getTranslations('account.reset');
  return (
    <AuthCard>
      <h1 className="mt-1 text-2xl font-semibold">{t('requestTitle')}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t('requestIntro')}</p>
      <ResetRequestForm />
      <Link href="/login" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
        {t('backToLogin')}
      </Link>
    </AuthCard>
  );
}
