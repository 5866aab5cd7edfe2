import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/shell/app-shell';
import { EmptyState } from '@/components/ui/card';
import { listAccessibleServices } from '@/lib/auth/access';
import { requireSession } from '@/lib/auth/require';
import { getDb } from '@/db';

export default async function Home() {
  const session = await requireSession();
  const services = await listAccessibleServices(getDb(), session.member);
  if (services.length) redirect(`/${services[0].id}`);
  if (session.member.isOrgAdmin) redirect('/admin/services');
  const t = await getTranslations('home');
  return (
    <AppShell session={session} services={services} sections={[]}>
      <EmptyState title={t('noServiceTitle')}>{t('noServiceBody')}</EmptyState>
    </AppShell>
  );
}
