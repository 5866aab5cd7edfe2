import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { TriggerEditor } from '@/components/triggers/trigger-editor';
import type { ConditionDraft, ResultDraft } from '@/components/triggers/types';
import { PageHeader } from '@/components/ui/card';
import { getTrigger } from '@/db/queries/triggers';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { isUuid } from '@/lib/ids';
import { editorOptions } from '@/lib/triggers/editor-options';

export default async function EditTriggerPage({
  params,
}: {
  params: Promise<{ serviceId: string; triggerId: string }>;
}) {
  const { serviceId, triggerId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  if (!isUuid(triggerId)) notFound();
  const trigger = await getTrigger(getDb(), service.id, triggerId);
  if (!trigger) notFound();
  const t = await getTranslations('triggers');
  const options = await editorOptions(getDb(), service.id, await getLocale());
  return (
    <>
      <PageHeader title={t('editTitle', { title: trigger.title })} description={t('order')} />
      <TriggerEditor
        options={options}
        initial={{
          id: trigger.id,
          title: trigger.title,
          conditions: trigger.conditions as ConditionDraft[],
          results: trigger.results as ResultDraft[],
        }}
      />
    </>
  );
}
