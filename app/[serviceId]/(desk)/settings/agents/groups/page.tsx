import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { AddGroupButton, GroupRowActions } from '@/components/groups/group-actions';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { listGroups } from '@/db/queries/groups';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { DataTable, Td } from '@/components/ui/table';
import { AgentTabs } from '../agent-tabs';

const SHOWN_AGENTS = 8;

export default async function GroupsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const groups = await listGroups(getDb(), service.id);
  const t = await getTranslations('groups');
  const ta = await getTranslations('agents');
  const tc = await getTranslations('common');
  const formatDate = await getFormatDate();
  return (
    <>
      <PageHeader title={ta('title')} description={t('intro')} actions={<AddGroupButton serviceId={service.id} />} />
      <AgentTabs serviceId={service.id} current="groups" />
      {groups.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <DataTable headers={[t('name'), t('agents'), t('agentCount'), t('createdAt'), { srOnly: tc('actions') }]}>
          {groups.map((g) => (
            <tr key={g.id} data-testid={`group-${g.name}`}>
              <Td className="font-medium">{g.name}</Td>
              <Td>
                <div className="flex max-w-md flex-wrap gap-1">
                  {g.agents.slice(0, SHOWN_AGENTS).map((a) => (
                    <Badge key={a.id}>{a.name}</Badge>
                  ))}
                  {g.agents.length > SHOWN_AGENTS && (
                    <span className="text-xs text-slate-500">+{g.agents.length - SHOWN_AGENTS}</span>
                  )}
                </div>
              </Td>
              <Td>{g.agents.length}</Td>
              <Td className="text-slate-500">{formatDate(g.createdAt, 'date')}</Td>
              <Td>
                <GroupRowActions serviceId={service.id} group={{ id: g.id, name: g.name, agents: g.agents }} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
