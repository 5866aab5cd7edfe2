import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { LEDGER_PAGE, listPiiDestructions } from '@/db/queries/pii-ledger';
import { requireOrgAdmin } from '@/lib/auth/require';
import { getDb } from '@/db';
import { formatTimeCursor, parseTimeCursor } from '@/db/pagination';
import { DataTable } from '@/components/ui/table';

export default async function PiiLedgerPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireOrgAdmin();
  const sp = await searchParams;
  const rows = await listPiiDestructions(getDb(), { before: parseTimeCursor(sp.before) });
  const page = rows.slice(0, LEDGER_PAGE);
  const next = rows.length > LEDGER_PAGE ? page[page.length - 1] : null;
  const t = await getTranslations('piiLedger');
  const tf = await getTranslations('fields');
  const tc = await getTranslations('common');
  const formatDate = await getFormatDate();
  const when = (d: Date) => formatDate(d, 'dateTime');
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {page.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <DataTable headers={[t('destroyedAt'), t('service'), t('ticket'), t('field'), t('rule'), t('dueAt')]}>
          {page.map((r) => (
            <tr key={r.id}>
              <td className="px-4 py-2">{when(r.destroyedAt)}</td>
              <td className="px-4 py-2">
                {r.serviceName} <span className="font-mono text-xs text-slate-500">({r.serviceId})</span>
              </td>
              <td className="px-4 py-2">#{r.ticketNumber}</td>
              <td className="px-4 py-2 font-mono text-xs">{r.fieldCode}</td>
              <td className="px-4 py-2">
                {tf('destroyDays', { days: r.rule.days })} ·{' '}
                {r.rule.basis === 'created' ? tf('basisCreated') : tf('basisClosed')}
              </td>
              <td className="px-4 py-2 text-slate-500">{when(r.dueAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {next && (
        <Link
          className="mt-4 inline-block text-sm text-brand-700 hover:underline"
          href={`/admin/pii-ledger?before=${formatTimeCursor({ at: next.cursor, id: next.id })}`}
        >
          {tc('more')}
        </Link>
      )}
    </>
  );
}
