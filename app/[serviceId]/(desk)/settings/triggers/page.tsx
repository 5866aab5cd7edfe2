import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Plus } from 'lucide-react';
import { SecretPanel } from '@/components/triggers/secret-panel';
import { TestRunPanel } from '@/components/triggers/test-run-panel';
import { TriggerList } from '@/components/triggers/trigger-list';
import { PageHeader } from '@/components/ui/card';
import { listTriggers } from '@/db/queries/triggers';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { webhookSecretRotatedAt } from '@/lib/triggers/deliveries/secret';

export default async function TriggersPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const t = await getTranslations('triggers');
  const db = getDb();
  const [rows, rotatedAt] = await Promise.all([listTriggers(db, service.id), webhookSecretRotatedAt(db, service.id)]);
  const items = rows.map((r) => ({
    id: r.id,
    title: r.title,
    active: r.active,
    lastFiredAt: r.lastFiredAt ? new Date(r.lastFiredAt).toISOString() : null,
    fired7d: r.fired7d,
  }));
  return (
    <>
      <PageHeader
        title={t('pageTitle')}
        description={t('order')}
        actions={
          <Link
            href={`/${service.id}/settings/triggers/new`}
            className="inline-flex items-center gap-1 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            <Plus className="size-4" aria-hidden />
            {t('add')}
          </Link>
        }
      />
      <div className="space-y-8">
        <TriggerList serviceId={service.id} items={items} />
        <TestRunPanel serviceId={service.id} />
        <SecretPanel serviceId={service.id} rotatedAt={rotatedAt ? rotatedAt.toISOString() : null} />
      </div>
    </>
  );
}
