import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DeliveryList } from '@/components/triggers/delivery-list';
import { PageHeader } from '@/components/ui/card';
import { getTrigger, listDeliveries } from '@/db/queries/triggers';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { isUuid } from '@/lib/ids';

export default async function TriggerDeliveriesPage({
  params,
}: {
  params: Promise<{ serviceId: string; triggerId: string }>;
}) {
  const { serviceId, triggerId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  if (!isUuid(triggerId)) notFound();
  const trigger = await getTrigger(getDb(), service.id, triggerId);
  if (!trigger) notFound();
  const t = await getTranslations('triggers.deliveries');
  const rows = await listDeliveries(getDb(), { serviceId: service.id, triggerId: trigger.id });
  return (
    <>
      <PageHeader
        title={t('title', { title: trigger.title })}
        description={t('help')}
        actions={
          <Link className="text-sm text-brand-700" href={`/${service.id}/settings/triggers`}>
            {t('back')}
          </Link>
        }
      />
      <DeliveryList serviceId={service.id} rows={rows} />
    </>
  );
}
