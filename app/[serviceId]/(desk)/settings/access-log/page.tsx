import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { ACCESS_LOG_PAGE, listServiceAccessLog } from '@/db/queries/access-logs';
import { listAgentOptions } from '@/db/queries/agents';
import { ACCESS_EVENTS } from '@/lib/access-log/events';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { DataTable, Td } from '@/components/ui/table';
import { describeAccessLog } from './describe';
import { parseAccessLogFilter, type AccessLogSearch } from './filter';

const MEMBER_OPTIONS = 500;
export default async function AccessLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<AccessLogSearch>;
}) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { permission: 'viewLogs' });
  const f = parseAccessLogFilter(await searchParams);
  const db = getDb();
  const [rows, agents] = await Promise.all([
    listServiceAccessLog(db, { serviceId: service.id, ...f, timeZone: process.env.APP_TIME_ZONE ?? 'Asia/Seoul' }),
    listAgentOptions(db, { serviceId: service.id, limit: MEMBER_OPTIONS }),
  ]);
  const page = rows.slice(0, ACCESS_LOG_PAGE);
  const next = rows.length > ACCESS_LOG_PAGE ? page[page.length - 1] : null;
  const t = await getTranslations('accessLog');
  const ta = await getTranslations('agents');
  const formatDate = await getFormatDate();
  const base = `/${service.id}/settings/access-log`;
  const kept = Object.fromEntries(
    Object.entries({ member: f.memberId, event: f.event, from: f.from, to: f.to }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    ),
  );
  const control = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label={t('filter')}>
        <div className="flex flex-col gap-1 text-sm text-slate-700">
          <label htmlFor="log-member">{t('member')}</label>
          <select id="log-member" name="member" defaultValue={f.memberId ?? ''} className={control}>
            <option value="">{t('allMembers')}</option>
            {agents.map((a) => (
              <option key={a.memberId} value={a.memberId}>
                {a.name} ({a.loginId})
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm text-slate-700">
          <label htmlFor="log-event">{t('event')}</label>
          <select id="log-event" name="event" defaultValue={f.event ?? ''} className={control}>
            <option value="">{t('allEvents')}</option>
            {ACCESS_EVENTS.map((e) => (
              <option key={e} value={e}>
                {t(`events.${e}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm text-slate-700">
          <label htmlFor="log-from">{t('from')}</label>
          <input id="log-from" type="date" name="from" defaultValue={f.from} className={control} />
        </div>
        <div className="flex flex-col gap-1 text-sm text-slate-700">
          <label htmlFor="log-to">{t('to')}</label>
          <input id="log-to" type="date" name="to" defaultValue={f.to} className={control} />
        </div>
        <button className="h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          {t('filter')}
        </button>
        <Link
          href={base}
          className="h-10 content-center rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50"
        >
          {t('reset')}
        </Link>
      </form>
      {page.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <DataTable headers={[t('time'), t('member'), t('event'), t('detail'), t('actor'), t('ip'), t('userAgent')]}>
          {page.map((r) => (
            <tr key={r.id} data-testid="access-log-row">
              <Td className="whitespace-nowrap text-slate-600">{formatDate(r.createdAt, 'dateTimeSeconds')}</Td>
              <Td>
                {r.memberName ?? r.subject ?? t('unknownMember')}
                {(r.memberLoginId ?? r.subject) && (
                  <span className="ml-1 font-mono text-xs text-slate-500">{r.memberLoginId ?? r.subject}</span>
                )}
              </Td>
              <Td className="whitespace-nowrap">{t(`events.${r.event}`)}</Td>
              <Td>{describeAccessLog(r, t, ta)}</Td>
              <Td>{r.actorName ? `${r.actorName} (${r.actorLoginId})` : ''}</Td>
              <Td className="font-mono text-xs">{r.ip ?? ''}</Td>
              <Td className="max-w-48 truncate text-xs text-slate-500">
                <span title={r.userAgent ?? undefined}>{r.userAgent ?? ''}</span>
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {f.before && (
          <Link className="text-brand-700 hover:underline" href={`${base}?${new URLSearchParams(kept)}`}>
            {t('first')}
          </Link>
        )}
        {next && (
          <Link
            className="text-brand-700 hover:underline"
            href={`${base}?${new URLSearchParams({ ...kept, before: `${next.cursor}_${next.id}` })}`}
          >
            {t('next')}
          </Link>
        )}
      </div>
    </>
  );
}
