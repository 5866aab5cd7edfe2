import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UserPlus } from 'lucide-react';
import { InviteMemberDialog } from '@/components/admin/invite-member-dialog';
import { AgentRowActions } from '@/components/agents/agent-row-actions';
import { AgentSwitch } from '@/components/agents/agent-switch';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { SearchForm } from '@/components/ui/search-form';
import { AGENTS_PAGE, listAgents } from '@/db/queries/agents';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { formatTimeCursor, parseTimeCursor } from '@/db/pagination';
import { DataTable, Td } from '@/components/ui/table';
import { inviteServiceMemberAction } from './actions';
import { AgentTabs } from './agent-tabs';

export default async function AgentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<{ q?: string; after?: string }>;
}) {
  const { serviceId } = await params;
  const { service, session } = await requireService(serviceId, { role: 'admin' });
  const sp = await searchParams;
  const q = sp.q?.trim().slice(0, 100) || undefined;
  const after = parseTimeCursor(sp.after);
  const rows = await listAgents(getDb(), { serviceId: service.id, q, after });
  const page = rows.slice(0, AGENTS_PAGE);
  const next = rows.length > AGENTS_PAGE ? page[page.length - 1] : null;
  const t = await getTranslations('agents');
  const tc = await getTranslations('common');
  const base = `/${service.id}/settings/agents`;
  const yesNo = (v: boolean) =>
    v ? <Badge tone="green">{t('yes')}</Badge> : <span className="text-slate-400">{t('no')}</span>;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <>
            <InviteMemberDialog action={inviteServiceMemberAction} serviceId={service.id} />
            <Link
              href={`${base}/new`}
              className="inline-flex h-10 items-center gap-1.5 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              <UserPlus className="size-4" aria-hidden />
              {t('add')}
            </Link>
          </>
        }
      />
      <AgentTabs serviceId={service.id} current="agents" />
      <SearchForm q={q} placeholder={t('searchPlaceholder')} label={tc('search')} />
      {page.length === 0 ? (
        <EmptyState title={q ? t('noMatch') : t('empty')} />
      ) : (
        <DataTable
          headers={[
            t('name'),
            t('groups'),
            t('role'),
            t('channels'),
            t('canTransfer'),
            t('canViewLogs'),
            t('assignable'),
            t('selfControl'),
            { srOnly: tc('actions') },
          ]}
        >
          {page.map((a) => (
            <tr key={a.id} data-testid={`agent-${a.loginId}`}>
              <Td>
                <div className="font-medium">
                  {a.name}
                  {a.memberId === session.member.id && (
                    <span className="ml-1 text-xs font-normal text-slate-500">({t('you')})</span>
                  )}
                </div>
                <div className="font-mono text-xs text-slate-500">{a.loginId}</div>
                <div className="text-xs text-slate-500">{a.email}</div>
              </Td>
              <Td>
                {a.groups.length ? (
                  <div className="flex max-w-56 flex-wrap gap-1">
                    {a.groups.map((g) => (
                      <Badge key={g.id}>{g.name}</Badge>
                    ))}
                  </div>
                ) : (
                  <span className="text-slate-400">{t('noGroups')}</span>
                )}
              </Td>
              <Td className="whitespace-nowrap">
                {a.isOrgAdmin ? (
                  <Badge tone="blue">{t('roleOrgAdmin')}</Badge>
                ) : a.role === 'admin' ? (
                  <Badge tone="blue">{t('roleAdmin')}</Badge>
                ) : (
                  t('roleAgent')
                )}
              </Td>
              <Td>
                {a.channels.includes('ticket') ? t('channelTicket') : <span className="text-slate-400">{t('no')}</span>}
              </Td>
              <Td>{yesNo(a.canTransfer)}</Td>
              <Td>{yesNo(a.isOrgAdmin || (a.role === 'admin' && a.canViewLogs))}</Td>
              <Td>
                <AgentSwitch
                  key={`a-${a.assignable}`}
                  serviceId={service.id}
                  agentId={a.id}
                  agentName={a.name}
                  field="assignable"
                  value={a.assignable}
                />
              </Td>
              <Td>
                <AgentSwitch
                  key={`s-${a.selfControl}`}
                  serviceId={service.id}
                  agentId={a.id}
                  agentName={a.name}
                  field="selfControl"
                  value={a.selfControl}
                />
              </Td>
              <Td>
                <AgentRowActions
                  serviceId={service.id}
                  agent={{ id: a.id, name: a.name, loginId: a.loginId, groups: a.groups.length }}
                  canRemove={a.memberId !== session.member.id && (!a.isOrgAdmin || session.member.isOrgAdmin)}
                  canEdit={!a.isOrgAdmin || session.member.isOrgAdmin}
                />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {after && (
          <Link className="text-brand-700 hover:underline" href={`${base}${q ? `?${new URLSearchParams({ q })}` : ''}`}>
            {t('firstPage')}
          </Link>
        )}
        {next && (
          <Link
            className="text-brand-700 hover:underline"
            href={`${base}?${new URLSearchParams({ ...(q ? { q } : {}), after: formatTimeCursor({ at: next.cursor, id: next.id }) })}`}
          >
            {tc('more')}
          </Link>
        )}
      </div>
    </>
  );
}
