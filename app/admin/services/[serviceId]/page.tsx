import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ServiceSettingsForm } from '@/components/admin/service-settings-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getService } from '@/db/queries/services';
import { requireOrgAdmin } from '@/lib/auth/require';
import { getDb } from '@/db';

export default async function ServiceSettingsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  await requireOrgAdmin();
  const { serviceId } = await params;
  const service = await getService(getDb(), serviceId);
  if (!service) notFound();
  const t = await getTranslations('admin.services');
  const tc = await getTranslations('common');
  return (
    <>
      <Link href="/admin/services" className="text-sm text-brand-700 hover:underline">
        ← {tc('back')}
      </Link>
      <PageHeader title={t('settingsTitle', { name: service.name })} />
      <Card>
        <ServiceSettingsForm
          service={{
            id: service.id,
            name: service.name,
            languages: service.languages,
            editorType: service.editorType,
            smsEnabled: service.smsEnabled,
          }}
        />
      </Card>
    </>
  );
}
