import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AgentForm } from '@/components/agents/agent-form';
import { DoorayUserKey } from '@/components/channels/dooray-user-key';
import { PageHeader } from '@/components/ui/card';
import { getAgent } from '@/db/queries/agents';
import { listGroups } from '@/db/queries/groups';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { isUuid } from '@/lib/ids';

export default async function EditAgentPage({ params }: { params: Promise<{ serviceId: string; agentId: string }> }) {
  const { serviceId, agentId } = await params;
  const { service, session } = await requireService(serviceId, { role: 'admin' });
  if (!isUuid(agentId)) notFound();
  const agent = await getAgent(getDb(), service.id, agentId);
  // Another service's agent is simply not found here; an org admin's row is for org admins.
  if (!agent || (agent.isOrgAdmin && !session.member.isOrgAdmin)) notFound();
  const groups = await listGroups(getDb(), service.id);
  const t = await getTranslations('agents');
  const tc = await getTranslations('common');
  return (
    <>
      <Link href={`/${service.id}/settings/agents`} className="text-sm text-brand-700 hover:underline">
        ← {tc('back')}
      </Link>
      <PageHeader title={t('editTitle', { name: agent.name })} />
      <AgentForm
        serviceId={service.id}
        groups={groups.map((g) => ({ id: g.id, name: g.name }))}
        isSelf={agent.memberId === session.member.id}
        agent={{
          id: agent.id,
          member: {
            id: agent.memberId,
            name: agent.name,
            loginId: agent.loginId,
            email: agent.email,
            isOrgAdmin: agent.isOrgAdmin,
          },
          role: agent.role,
          channels: agent.channels,
          canTransfer: agent.canTransfer,
          canViewLogs: agent.canViewLogs,
          groupIds: agent.groups.map((g) => g.id),
        }}
      />
      <DoorayUserKey serviceId={service.id} agentId={agent.id} userKey={agent.doorayUserKey} />
    </>
  );
}
