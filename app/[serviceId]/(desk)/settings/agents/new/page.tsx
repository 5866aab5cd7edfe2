import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AgentForm } from '@/components/agents/agent-form';
import { PageHeader } from '@/components/ui/card';
import { listGroups } from '@/db/queries/groups';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';

export default async function NewAgentPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const groups = await listGroups(getDb(), service.id);
  const t = await getTranslations('agents');
  const tc = await getTranslations('common');
  return (
    <>
      <Link href={`/${service.id}/settings/agents`} className="text-sm text-brand-700 hover:underline">
        ← {tc('back')}
      </Link>
      <PageHeader title={t('addTitle')} />
      <AgentForm serviceId={service.id} groups={groups.map((g) => ({ id: g.id, name: g.name }))} />
    </>
  );
}
