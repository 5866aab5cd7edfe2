import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { AcceptInviteForm } from '@/components/auth/accept-invite-form';
import { getDb } from '@/db';
import { inviteState } from '@/lib/members/invite-token';
import { safeDecode } from '@/lib/validation/dates';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A malformed `%` in a pasted link is an invalid invite, not an error page.
  const state = await inviteState(getDb(), safeDecode(token) ?? '');
  const t = await getTranslations('invite');
  return (
    <AuthCard>
      {state.state === 'valid' ? (
        <>
          <h1 className="mt-1 text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 mb-6 text-sm text-slate-600">
            {t('intro', { name: state.member.name, loginId: state.member.loginId })}
          </p>
          <AcceptInviteForm token={token} />
        </>
      ) : (
        <>
          <h1 className="mt-1 text-xl font-semibold">{t(`${state.state}Title`)}</h1>
          <p className="mt-2 text-sm text-slate-600">{t(`${state.state}Body`)}</p>
          <Link href="/login" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
            {t('goLogin')}
          </Link>
        </>
      )}
    </AuthCard>
  );
}
