import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { TicketFilters } from '@/components/tickets/ticket-filters';
import { TicketTable } from '@/components/tickets/ticket-table';
import { TicketMenu } from '@/components/tickets/ticket-menu';
import { SavedFilters } from '@/components/tickets/saved-filters';
import { listColumnsOf, listSavedFilters } from '@/db/queries/desk-preferences';
import { categoryOptions } from '@/components/tickets/category-options';
import { listAgentOptions } from '@/db/queries/agents';
import { ticketLabels } from '@/db/queries/ticket-labels';
import { groups } from '@/db/schema';
import { requireService } from '@/lib/auth/require';
import { getCategoryTree } from '@/lib/categories/tree';
import { getDb } from '@/db';
import { agentGroups } from '@/lib/tickets/assignable';
import { countCap, countTickets, listTickets, menuCounts, type TicketFilter } from '@/lib/tickets/list-tickets';
import { listQuery, parseListParams, type ListSearch } from '@/lib/tickets/list-params';
import { listFilterOf } from '@/lib/tickets/list-filter';
import { asc, eq } from 'drizzle-orm';

export default async function TicketListPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<ListSearch>;
}) {
  const { serviceId } = await params;
  const { service, session, agent, role } = await requireService(serviceId);
  const p = parseListParams(await searchParams);
  const db = getDb();
  const lang = await getLocale();
  const t = await getTranslations('tickets');
  const ts = await getTranslations('search');
  const me = session.member.id;
  const myGroups = agent ? await agentGroups(db, service.id, agent.id) : [];
  const filter: TicketFilter = await listFilterOf(db, service.id, p);
  const scope = { serviceId: service.id, memberId: me, menu: p.menu, filter };
  const [page, total, counts, intake, processing, agents, groupRows, saved, columns] = await Promise.all([
    listTickets(db, { ...scope, order: p.order, cursor: p.cursor }, myGroups),
    countTickets(db, scope, myGroups),
    menuCounts(db, service.id, me, myGroups),
    getCategoryTree(db, service.id, 'intake', lang),
    getCategoryTree(db, service.id, 'processing', lang),
    listAgentOptions(db, { serviceId: service.id, limit: 500 }),
    db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.serviceId, service.id))
      .orderBy(asc(groups.name)),
    listSavedFilters(db, { serviceId: service.id, memberId: me }),
    listColumnsOf(db, { serviceId: service.id, memberId: me }),
  ]);
  const label = await ticketLabels(db, service.id, lang, {
    categories: page.rows.map((r) => r.intakeTypeId),
    members: page.rows.map((r) => r.assigneeId),
    groups: page.rows.map((r) => r.groupId),
  });
  const base = `/${service.id}/tickets`;
  const rows = page.rows.map((r) => ({
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    requester: r.requesterName ?? '',
    intakeType: label(r.intakeTypeId),
    assignee: label(r.assigneeId),
    group: label(r.groupId),
    starred: r.starred,
    createdAt: r.createdAt.toISOString(),
  }));
  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <TicketMenu base={base} current={p.menu} counts={counts} showGroup={myGroups.length > 0} />
      <div className="min-w-0 flex-1">
        <PageHeader
          title={t(`menu.${p.menu}`)}
          description={
            filter.q
              ? ts('count', { count: total, cap: countCap(filter), capped: total > countCap(filter) ? 'yes' : 'no' })
              : t('listCount', { count: total, capped: total > 10000 ? 'yes' : 'no' })
          }
          actions={
            <Link
              href={`${base}/new`}
              className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t('create.title')}
            </Link>
          }
        />
        <TicketFilters
          params={p}
          intake={categoryOptions(intake)}
          processing={categoryOptions(processing)}
          agents={agents.map((a) => ({ id: a.memberId, label: a.name }))}
          groups={groupRows.map((g) => ({ id: g.id, label: g.name }))}
          fixedStatus={['mine_open', 'mine_pending', 'mine_solved', 'mine_closed', 'unassigned'].includes(p.menu)}
          fixedAssignee={p.menu.startsWith('mine_') || p.menu === 'unassigned'}
        />
        <SavedFilters serviceId={service.id} query={listQuery(p)} filters={saved} />
        <TicketTable
          key={listQuery(p)}
          serviceId={service.id}
          rows={rows}
          spamBox={p.menu === 'spam'}
          isAdmin={role === 'admin'}
          columns={columns}
          query={listQuery(p)}
          total={total}
        />
        <nav className="mt-4 flex justify-between text-sm" aria-label={t('paging')}>
          {p.cursor ? (
            <Link className="text-brand-700 hover:underline" href={`${base}?${listQuery(p)}`}>
              {t('firstPage')}
            </Link>
          ) : (
            <span />
          )}
          {page.next && (
            <Link className="text-brand-700 hover:underline" href={`${base}?${listQuery(p, { cursor: page.next })}`}>
              {t('nextPage')}
            </Link>
          )}
        </nav>
      </div>
    </div>
  );
}
