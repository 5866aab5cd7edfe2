import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { sameOriginPath } from '@/lib/auth/safe-redirect';
import { getCurrentSession } from '@/lib/auth/session';

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  if (await getCurrentSession()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <AuthCard>
      <h1 className="mt-1 text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t('subtitle')}</p>
      {sp.loggedOut && (
        <p role="status" className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t('loggedOut')}
        </p>
      )}
      <LoginForm callbackUrl={sameOriginPath(sp.callbackUrl)} />
      <Link href="/password-reset" className="mt-4 inline-block text-sm text-brand-600 hover:underline">
        {(await getTranslations('account.reset'))('forgot')}
      </Link>
    </AuthCard>
  );
}
