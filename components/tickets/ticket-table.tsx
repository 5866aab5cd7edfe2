'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { useFormatDate } from '@/lib/i18n/use-format-date';
import type { TicketChannel, TicketPriority, TicketStatus } from '@/db/schema';
import type { ListColumn } from '@/db/values';
import { Badge, EmptyState } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Td } from '@/components/ui/table';
import { BulkBar } from './bulk-bar';
import { ColumnPicker } from './column-picker';
import { PRIORITY_TINT, STATUS_TONE } from './priority';
import { StarButton } from './star-button';
import { useListKeys } from './list-keys';

export type TicketRowView = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  requester: string;
  intakeType: string;
  assignee: string;
  group: string;
  starred: boolean;
  createdAt: string;
};

type Props = {
  serviceId: string;
  rows: TicketRowView[];
  spamBox: boolean;
  isAdmin: boolean;
  columns: ListColumn[];
  query: string;
  total: number;
};

/**
 * A page of tickets with row selection for bulk processing (this page, or every ticket of the
 * filter up to 1,000); rows are tinted by priority; the columns are the agent's own choice.
 */
export function TicketTable({ serviceId, rows, spamBox, isAdmin, columns: initialColumns, query, total }: Props) {
  const t = useTranslations('tickets');
  const tk = useTranslations('listKeys');
  const formatDate = useFormatDate();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [columns, setColumns] = useState(initialColumns);
  const show = (c: ListColumn) => columns.includes(c);
  // "이 조건의 티켓 모두 선택": ids beyond this page, fetched on demand (at most 1,000).
  const [matching, setMatching] = useState<string[] | null>(null);
  const toggle = (id: string) =>
    setSelected((s) => {
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
  const ids = matching ?? [...selected].filter((id) => rows.some((r) => r.id === id));
  const clear = () => {
    setMatching(null);
    setSelected(new Set());
  };
  return (
    <>
      <div className="mb-2 flex justify-end">
        <ColumnPicker serviceId={serviceId} columns={columns} onChange={setColumns} />
      </div>
      <BulkBar
        serviceId={serviceId}
        ids={ids}
        spamBox={spamBox}
        isAdmin={isAdmin}
        selectAll={all && !matching && total > rows.length ? { query, total, onSelect: setMatching } : null}
        onClear={matching ? clear : null}
        onDone={() =>
          start(() => {
            clear();
            router.refresh();
          })
        }
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="w-8 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label={t('selectAll')}
                  checked={all}
                  onChange={() => {
                    setMatching(null);
                    setSelected(all ? new Set() : new Set(rows.map((r) => r.id)));
                  }}
                />
              </th>
              <th scope="col" className="w-8 px-1 py-2">
                <span className="sr-only">{t('star')}</span>
              </th>
              <th scope="col" className="px-3 py-2">
                {t('col.number')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('col.subject')}
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="px-3 py-2">
                  {t(`col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r, i) => (
              <tr
                key={r.id}
                className={cn(
                  PRIORITY_TINT[r.priority],
                  'hover:bg-brand-50/40',
                  keys.cursor === i && 'outline-2 -outline-offset-2 outline-brand-500',
                )}
                data-priority={r.priority}
                data-row-index={i}
                aria-current={keys.cursor === i ? 'true' : undefined}
              >
                <Td>
                  <input
                    type="checkbox"
                    aria-label={t('selectTicket', { number: r.number })}
                    checked={selected.has(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                </Td>
                <td className="px-1 py-2">
                  <StarButton serviceId={serviceId} ticketId={r.id} starred={r.starred} />
                </td>
                <Td className="tabular-nums text-slate-500">#{r.number}</Td>
                <Td className="max-w-md truncate">
                  <Link
                    href={`/${serviceId}/tickets/${r.number}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {r.subject}
                  </Link>
                </Td>
                {show('requester') && <Td>{r.requester}</Td>}
                {show('intake') && <Td>{r.intakeType}</Td>}
                {show('status') && (
                  <Td>
                    <Badge tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  </Td>
                )}
                {show('priority') && <Td>{t(`priority.${r.priority}`)}</Td>}
                {show('assignee') && (
                  <Td>
                    {r.assignee || <span className="text-slate-400">{t('noAssignee')}</span>}
                    {r.group && !show('group') && <span className="block text-xs text-slate-500">{r.group}</span>}
                  </Td>
                )}
                {show('group') && <Td>{r.group}</Td>}
                {show('channel') && <Td>{t(`channel.${r.channel}`)}</Td>}
                {show('createdAt') && (
                  <Td className="whitespace-nowrap text-slate-500">
                    <time dateTime={r.createdAt} data-testid="ticket-created-at">
                      {formatDate(r.createdAt, 'dateTime')}
                    </time>
                  </Td>
                )}
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
