'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { INTERNAL_REASONS } from '@/db/values';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { bulkProcessAction, deleteSpamAction } from '@/app/[serviceId]/(desk)/tickets/actions';

const ACTIONS = ['solve', 'pend', 'comment', 'internal'] as const;

/** 일괄 처리 for the checked rows (all or nothing); in the spam box, 삭제 with a confirmation. */
export function BulkBar({ serviceId, ids, spamBox, isAdmin, onDone }: { serviceId: string; ids: string[]; spamBox: boolean; isAdmin: boolean; onDone: () => void }) {
  const t = useTranslations('tickets');
  const toast = useToast();
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('solve');
  const [reason, setReason] = useState<string>('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [pending, start] = useTransition();
  if (!ids.length) return null;
  const run = () =>
    start(async () => {
      setError(null);
      const r = await bulkProcessAction(null, { serviceId, ticketIds: ids, action, body, reason: reason || undefined });
      if (!r.ok) {
        setError([r.error, ...Object.values(r.fieldErrors ?? {}).flat()].join(' '));
        return;
      }
      toast(t('bulk.done', { count: r.data.count }));
      setBody('');
      onDone();
    });
  const remove = () =>
    start(async () => {
      const r = await deleteSpamAction(null, { serviceId, ticketIds: ids });
      setConfirm(false);
      if (!r.ok) return toast(r.error, 'error');
      toast(t('bulk.deleted', { count: r.data.count }));
      onDone();
    });
  return (
    <div className="mb-3 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm" role="region" aria-label={t('bulk.label')}>
      <p className="mb-2 font-medium">{t('bulk.selected', { count: ids.length })}</p>
      {spamBox ? (
        isAdmin && (
          <>
            <Button variant="danger" size="sm" onClick={() => setConfirm(true)}>{t('bulk.deleteSpam')}</Button>
            <ConfirmDialog open={confirm} onOpenChange={setConfirm} title={t('bulk.deleteSpamTitle')} description={t('bulk.deleteSpamBody', { count: ids.length })} confirmLabel={t('bulk.deleteSpam')} onConfirm={remove} pending={pending} />
          </>
        )
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs">
            {t('process.action')}
            <select value={action} onChange={(e) => setAction(e.target.value as typeof action)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
              {ACTIONS.map((a) => <option key={a} value={a}>{t(`process.${a}`)}</option>)}
            </select>
          </label>
          {action === 'internal' && (
            <label className="flex flex-col gap-1 text-xs">
              {t('process.reason')}
              <select value={reason} onChange={(e) => setReason(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                <option value="">{t('process.chooseReason')}</option>
                {INTERNAL_REASONS.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
              </select>
            </label>
          )}
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs">
            {t('bulk.body')}
            <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={2} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" />
          </label>
          <Button size="sm" onClick={run} disabled={pending}>{pending ? t('process.running') : t('process.submit')}</Button>
        </div>
      )}
      {error && <p role="alert" className="mt-2 text-red-700">{error}</p>}
    </div>
  );
}
