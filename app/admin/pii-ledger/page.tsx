import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { LEDGER_PAGE, listPiiDestructions } from '@/db/queries/pii-ledger';
import { requireOrgAdmin } from '@/lib/auth/require';
import { getDb } from '@/lib/db';

function parseCursor(v: string | undefined) {
  const m = v && /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)_([0-9a-f-]{36})$/.exec(v);
  return m ? { at: m[1], id: m[2] } : undefined;
}

export default async function PiiLedgerPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireOrgAdmin();
  const sp = await searchParams;
  const rows = await listPiiDestructions(getDb(), { before: parseCursor(sp.before) });
  const page = rows.slice(0, LEDGER_PAGE);
  const next = rows.length > LEDGER_PAGE ? page[page.length - 1] : null;
  const t = await getTranslations('piiLedger');
  const tf = await getTranslations('fields');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {page.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                {[t('destroyedAt'), t('service'), t('ticket'), t('field'), t('rule'), t('dueAt')].map((h) => <th key={h} scope="col" className="px-4 py-2">{h}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2">{when(r.destroyedAt)}</td>
                  <td className="px-4 py-2">{r.serviceName} <span className="font-mono text-xs text-slate-500">({r.serviceId})</span></td>
                  <td className="px-4 py-2">#{r.ticketNumber}</td>
                  <td className="px-4 py-2 font-mono text-xs">{r.fieldCode}</td>
                  <td className="px-4 py-2">{tf('destroyDays', { days: r.rule.days })} · {r.rule.basis === 'created' ? tf('basisCreated') : tf('basisClosed')}</td>
                  <td className="px-4 py-2 text-slate-500">{when(r.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && <Link className="mt-4 inline-block text-sm text-brand-700 hover:underline" href={`/admin/pii-ledger?before=${next.cursor}_${next.id}`}>{tc('more')}</Link>}
    </>
  );
}
