'use client';

import { useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { ProcessActionPicker } from './process-action-picker';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useToast } from '@/components/ui/toast';
import { bulkProcessAction, deleteSpamAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { matchingTicketIdsAction } from '@/app/[serviceId]/(desk)/tickets/list-actions';

const ACTIONS = ['solve', 'pend', 'comment', 'internal'] as const;
/** Tickets per request: each chunk is one all-or-nothing transaction of a second or so. */
export const BULK_CHUNK = 25;

type SelectAll = { query: string; total: number; onSelect: (ids: string[]) => void };

/**
 * 일괄 처리 for the checked rows; in the spam box, 삭제 with a confirmation. A long run (up to
 * 1,000 tickets: "이 조건의 티켓 모두 선택") goes in chunks of 25, each all or nothing, with a
 * progress bar and count; it can be stopped between chunks, and a chunk that fails stops the run
 * and says how many were done, so nothing is processed twice when it is started again.
 */
export function BulkBar({
  serviceId,
  ids,
  spamBox,
  isAdmin,
  selectAll,
  onClear,
  onDone,
}: {
  serviceId: string;
  ids: string[];
  spamBox: boolean;
  isAdmin: boolean;
  selectAll: SelectAll | null;
  onClear: (() => void) | null;
  onDone: () => void;
}) {
  const t = useTranslations('tickets');
  const toast = useToast();
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('solve');
  const [reason, setReason] = useState<string>('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const remove = useConfirmedAction(
    () => deleteSpamAction(null, { serviceId, ticketIds: ids }),
    (d) => {
      onDone();
      return t('bulk.deleted', { count: d.count });
    },
    { refresh: false },
  );
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const busy = pending || running || remove.pending;
  const stop = useRef(false);
  if (!ids.length) return null;
  // Not a transition: a transition's updates show only when it ends, which is exactly the
  // "처리 중…" until the end this bar replaces. Each chunk's answer is shown as it comes.
  const run = async () => {
    if (running) return;
    setRunning(true);
    try {
      setError(null);
      stop.current = false;
      let done = 0;
      setProgress({ done, total: ids.length });
      for (let i = 0; i < ids.length; i += BULK_CHUNK) {
        if (stop.current) break;
        const r = await bulkProcessAction(null, {
          serviceId,
          ticketIds: ids.slice(i, i + BULK_CHUNK),
          action,
          body,
          reason: reason || undefined,
        });
        if (!r.ok) {
          const why = [r.error, ...Object.values(r.fieldErrors ?? {}).flat()].join(' ');
          setError(done ? t('bulk.stoppedAfter', { done, total: ids.length, error: why }) : why);
          setProgress(null);
          return;
        }
        done += r.data.count;
        setProgress({ done, total: ids.length });
      }
      setProgress(null);
      toast(stop.current ? t('bulk.stopped', { done, total: ids.length }) : t('bulk.done', { count: done }));
      setBody('');
      onDone();
    } finally {
      setRunning(false);
    }
  };
  const pickAll = () =>
    start(async () => {
      const r = await matchingTicketIdsAction(null, { serviceId, query: selectAll!.query });
      if (!r.ok) return setError(r.error);
      selectAll!.onSelect(r.data.ids);
    });
  return (
    <div
      className="mb-3 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm"
      role="region"
      aria-label={t('bulk.label')}
    >
      <p className="mb-2 flex flex-wrap items-center gap-3">
        <span className="font-medium">{t('bulk.selected', { count: ids.length })}</span>
        {selectAll && !spamBox && (
          <button type="button" className="text-brand-700 underline" onClick={pickAll} disabled={busy}>
            {t('bulk.selectMatching', { count: Math.min(selectAll.total, 1000) })}
          </button>
        )}
        {onClear && (
          <button type="button" className="text-brand-700 underline" onClick={onClear} disabled={busy}>
            {t('bulk.clear')}
          </button>
        )}
      </p>
      {spamBox ? (
        isAdmin && (
          <>
            <Button variant="danger" size="sm" onClick={remove.ask}>
              {t('bulk.deleteSpam')}
            </Button>
            <ConfirmDialog
              {...remove.dialog}
              title={t('bulk.deleteSpamTitle')}
              description={t('bulk.deleteSpamBody', { count: ids.length })}
              confirmLabel={t('bulk.deleteSpam')}
            />
          </>
        )
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <ProcessActionPicker
            actions={ACTIONS}
            action={action}
            onAction={setAction}
            reason={reason}
            onReason={setReason}
            dense
          />
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs">
            {t('bulk.body')}
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={2}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            />
          </label>
          <Button size="sm" onClick={run} disabled={busy}>
            {busy ? t('process.running') : t('process.submit')}
          </Button>
        </div>
      )}
      {progress && (
        <div className="mt-2 flex items-center gap-3" data-testid="bulk-progress">
          <progress
            className="h-2 flex-1"
            value={progress.done}
            max={progress.total}
            aria-label={t('bulk.progressLabel')}
          />
          <span role="status" className="text-xs tabular-nums">
            {t('bulk.progress', { done: progress.done, total: progress.total })}
          </span>
          <Button size="sm" variant="secondary" onClick={() => (stop.current = true)}>
            {t('bulk.stop')}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
