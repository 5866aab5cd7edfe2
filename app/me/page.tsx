import { getTranslations } from 'next-intl/server';
import { LocaleForm } from '@/components/auth/locale-form';
import { AppShell } from '@/components/shell/app-shell';
import { Card, PageHeader } from '@/components/ui/card';
import { requireSession } from '@/lib/auth/require';

// Later issues add the agent's own 티켓 할당 switch here (when 할당 제어 is on).
export default async function PersonalSettingsPage() {
  const session = await requireSession();
  const t = await getTranslations('me');
  const tm = await getTranslations('admin.members');
  const m = session.member;
  return (
    <AppShell session={session} sections={[]}>
      <PageHeader title={t('title')} />
      <div className="max-w-xl space-y-6">
        <Card>
          <h2 className="mb-3 font-semibold">{t('profile')}</h2>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">{tm('name')}</dt><dd>{m.name}</dd>
            <dt className="text-slate-500">{tm('loginId')}</dt><dd className="font-mono">{m.loginId}</dd>
            <dt className="text-slate-500">{tm('email')}</dt><dd>{m.email}</dd>
          </dl>
        </Card>
        <Card>
          <LocaleForm current={m.locale} />
        </Card>
      </div>
    </AppShell>
  );
}
