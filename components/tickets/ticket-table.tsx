'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { useFormatDate } from '@/lib/i18n/use-format-date';
import type { TicketPriority, TicketStatus } from '@/db/schema';
import { Badge, EmptyState } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Td } from '@/components/ui/table';
import { BulkBar } from './bulk-bar';
import { PRIORITY_TINT, STATUS_TONE } from './priority';
import { StarButton } from './star-button';
import { useListKeys } from './list-keys';

export type TicketRowView = { id: string; number: number; subject: string; status: TicketStatus; priority: TicketPriority; requester: string; intakeType: string; assignee: string; group: string; starred: boolean; createdAt: string };

/** A page of tickets with row selection for bulk processing; rows are tinted by priority. */
export function TicketTable({ serviceId, rows, spamBox, isAdmin }: { serviceId: string; rows: TicketRowView[]; spamBox: boolean; isAdmin: boolean }) {
  const t = useTranslations('tickets');
  const tk = useTranslations('listKeys');
  const formatDate = useFormatDate();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });
  const [, start] = useTransition();
  const keys = useListKeys({
    count: rows.length,
    onOpen: (i) => router.push(`/${serviceId}/tickets/${rows[i].number}`),
    onToggle: (i) => toggle(rows[i].id),
  });
  if (!rows.length) return <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>;
  const all = rows.every((r) => selected.has(r.id));
  return (
    <>
      <BulkBar serviceId={serviceId} ids={[...selected].filter((id) => rows.some((r) => r.id === id))} spamBox={spamBox} isAdmin={isAdmin} onDone={() => start(() => { setSelected(new Set()); router.refresh(); })} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="w-8 px-3 py-2">
                <input type="checkbox" aria-label={t('selectAll')} checked={all} onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))} />
              </th>
              <th scope="col" className="w-8 px-1 py-2"><span className="sr-only">{t('star')}</span></th>
              <th scope="col" className="px-3 py-2">{t('col.number')}</th>
              <th scope="col" className="px-3 py-2">{t('col.subject')}</th>
              <th scope="col" className="px-3 py-2">{t('col.requester')}</th>
              <th scope="col" className="px-3 py-2">{t('col.intake')}</th>
              <th scope="col" className="px-3 py-2">{t('col.status')}</th>
              <th scope="col" className="px-3 py-2">{t('col.priority')}</th>
              <th scope="col" className="px-3 py-2">{t('col.assignee')}</th>
              <th scope="col" className="px-3 py-2">{t('col.createdAt')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r, i) => (
              <tr key={r.id} className={cn(PRIORITY_TINT[r.priority], 'hover:bg-brand-50/40', keys.cursor === i && 'outline-2 -outline-offset-2 outline-brand-500')} data-priority={r.priority} data-row-index={i} aria-current={keys.cursor === i ? 'true' : undefined}>
                <Td>
                  <input type="checkbox" aria-label={t('selectTicket', { number: r.number })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                </Td>
                <td className="px-1 py-2"><StarButton serviceId={serviceId} ticketId={r.id} starred={r.starred} /></td>
                <Td className="tabular-nums text-slate-500">#{r.number}</Td>
                <Td className="max-w-md truncate">
                  <Link href={`/${serviceId}/tickets/${r.number}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {r.subject}
                  </Link>
                </Td>
                <Td>{r.requester}</Td>
                <Td>{r.intakeType}</Td>
                <Td><Badge tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</Badge></Td>
                <Td>{t(`priority.${r.priority}`)}</Td>
                <Td>{r.assignee || <span className="text-slate-400">{t('noAssignee')}</span>}{r.group && <span className="block text-xs text-slate-500">{r.group}</span>}</Td>
                <Td className="whitespace-nowrap text-slate-500"><time dateTime={r.createdAt} data-testid="ticket-created-at">{formatDate(r.createdAt, 'dateTime')}</time></Td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">{tk('hint')}</p>
      {keys.dialog}
    </>
  );
}
