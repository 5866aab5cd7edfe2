import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { requireService } from '@/lib/auth/require';

export default async function ServiceHome({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service, role } = await requireService(serviceId);
  const t = await getTranslations('home');
  return (
    <>
      <PageHeader
        title={service.name}
        description={t('serviceIntro', { id: service.id, languages: service.languages.join(', ') })}
        actions={<Badge tone="blue">{t('role')}: {role === 'admin' ? t('roleAdmin') : t('roleAgent')}</Badge>}
      />
      <EmptyState title={t('ticketsSoonTitle')}>{t('ticketsSoonBody')}</EmptyState>
    </>
  );
}
