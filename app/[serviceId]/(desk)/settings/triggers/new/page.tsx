import { getLocale, getTranslations } from 'next-intl/server';
import { TriggerEditor } from '@/components/triggers/trigger-editor';
import { PageHeader } from '@/components/ui/card';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { editorOptions } from '@/lib/triggers/editor-options';

export default async function NewTriggerPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const t = await getTranslations('triggers');
  const options = await editorOptions(getDb(), service.id, await getLocale());
  return (
    <>
      <PageHeader title={t('addTitle')} description={t('order')} />
      <TriggerEditor options={options} />
    </>
  );
}
