import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { GuestLocaleSwitch } from '@/components/auth/guest-locale-switch';
import { LoginForm } from '@/components/auth/login-form';
import { getCurrentSession } from '@/lib/auth/session';

function safeCallback(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v;
  // Only same-site paths: never an open redirect.
  return s && s.startsWith('/') && !s.startsWith('//') ? s : '/';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  if (await getCurrentSession()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <GuestLocaleSwitch />
        <p className="text-sm font-semibold text-brand-700">Contact Desk</p>
        <h1 className="mt-1 text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">{t('subtitle')}</p>
        {sp.loggedOut && <p role="status" className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('loggedOut')}</p>}
        <LoginForm callbackUrl={safeCallback(sp.callbackUrl)} />
      </div>
    </main>
  );
}
