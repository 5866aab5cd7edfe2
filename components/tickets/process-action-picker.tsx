'use client';

import { useTranslations } from 'next-intl';
import { INTERNAL_REASONS } from '@/db/values';
import { cn } from '@/components/ui/cn';

type ProcessAction = 'solve' | 'pend' | 'comment' | 'internal';

/**
 * 처리 방법 and, for 내부해결, its 사유: the pair the reply form's send bar and the list's bulk bar
 * both ask for. `named` gives the selects form names (the reply form posts them); `dense` is the
 * bulk bar's shorter row.
 */
export function ProcessActionPicker<A extends ProcessAction>({
  actions,
  action,
  onAction,
  reason,
  onReason,
  reasonErrors,
  named = false,
  dense = false,
}: {
  actions: readonly A[];
  action: A;
  onAction: (a: A) => void;
  reason: string;
  onReason: (r: string) => void;
  reasonErrors?: string[];
  named?: boolean;
  dense?: boolean;
}) {
  const t = useTranslations('tickets');
  const label = cn('flex flex-col gap-1 text-xs', !dense && 'text-slate-600');
  const select = cn('rounded-md border border-slate-300 bg-white px-2 text-sm', dense ? 'py-1.5' : 'py-2');
  return (
    <>
      <label className={label}>
        {t('process.action')}
        <select
          value={action}
          onChange={(e) => onAction(e.target.value as A)}
          className={select}
          name={named ? 'action' : undefined}
        >
          {actions.map((a) => (
            <option key={a} value={a}>
              {t(`process.${a as ProcessAction}`)}
            </option>
          ))}
        </select>
      </label>
      {action === 'internal' && (
        <label className={label}>
          {t('process.reason')}
          <select
            value={reason}
            onChange={(e) => onReason(e.target.value)}
            className={select}
            name={named ? 'reason' : undefined}
            aria-invalid={reasonErrors ? true : undefined}
          >
            <option value="">{t('process.chooseReason')}</option>
            {INTERNAL_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </select>
          {reasonErrors && <span className="text-red-700">{reasonErrors.join(' ')}</span>}
        </label>
      )}
    </>
  );
}
