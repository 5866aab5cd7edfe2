'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@/db/values';
import { TICKET_EVENTS } from '@/lib/tickets/types';
import type { Operator, ValueType } from '@/lib/triggers/types';
import type { EditorOptions, Option } from '@/lib/triggers/editor-types';
import type { ConditionDraft } from './types';

/** The built-in targets and their value types (mirrors lib/triggers/conditions). */
export const BUILTIN_TARGETS: { id: string; type: ValueType }[] = [
  { id: 'event', type: 'event' },
  { id: 'status', type: 'enum' },
  { id: 'intakeType', type: 'category' },
  { id: 'processingType', type: 'category' },
  { id: 'priority', type: 'enum' },
  { id: 'channel', type: 'enum' },
  { id: 'language', type: 'enum' },
  { id: 'assignee', type: 'person' },
  { id: 'group', type: 'person' },
  { id: 'subject', type: 'text' },
  { id: 'content', type: 'text' },
  { id: 'requesterName', type: 'text' },
  { id: 'requesterEmail', type: 'text' },
  { id: 'requesterPhone', type: 'text' },
  { id: 'createdAt', type: 'date' },
];

const VALUELESS = new Set<Operator>(['changed', 'is_empty', 'is_not_empty']);
const LIST = new Set<Operator>(['is_any_of', 'is_none_of']);
const control = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

function useValues(target: string, options: EditorOptions): Option[] | null {
  const t = useTranslations('tickets');
  const te = useTranslations('triggers.events');
  switch (target) {
    case 'event':
      return TICKET_EVENTS.map((v) => ({ value: v, label: te(v) }));
    case 'status':
      return TICKET_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }));
    case 'priority':
      return TICKET_PRIORITIES.map((v) => ({ value: v, label: t(`priority.${v}`) }));
    case 'channel':
      return TICKET_CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }));
    case 'language':
      return options.languages.map((v) => ({ value: v, label: v }));
    case 'assignee':
      return options.agents;
    case 'group':
      return options.groups;
    case 'intakeType':
      return options.intakeTypes;
    case 'processingType':
      return options.processingTypes;
    default:
      return options.fieldTargets.find((f) => f.id === target)?.values ?? null;
  }
}

export function targetType(target: string, options: EditorOptions): ValueType | null {
  return (
    BUILTIN_TARGETS.find((x) => x.id === target)?.type ??
    options.fieldTargets.find((f) => f.id === target)?.type ??
    null
  );
}

/** One condition row: 충족여부, 대상, 조건, 조건 값 (a picker by the target's type). */
export function ConditionRow({
  index,
  row,
  options,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  row: ConditionDraft;
  options: EditorOptions;
  errors?: string[];
  onChange: (r: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('triggers');
  const type = targetType(row.target, options);
  const values = useValues(row.target, options);
  const ops = type ? options.operatorsByType[type] : [];
  const n = index + 1;
  const setTarget = (target: string) => {
    const nt = targetType(target, options);
    const op = nt ? options.operatorsByType[nt][0] : '';
    onChange({ ...row, target, operator: op, value: op && LIST.has(op) ? [] : '' });
  };
  const setOperator = (operator: Operator) =>
    onChange({
      ...row,
      operator,
      value: LIST.has(operator) ? [] : VALUELESS.has(operator) ? null : typeof row.value === 'string' ? row.value : '',
    });
  let valueInput = null;
  const op = row.operator as Operator;
  if (op && !VALUELESS.has(op)) {
    const label = t('conditions.valueOf', { n });
    if (LIST.has(op) && values) {
      const chosen = new Set(Array.isArray(row.value) ? (row.value as string[]) : []);
      valueInput = (
        <fieldset
          className="max-h-32 min-w-48 overflow-y-auto rounded-md border border-slate-300 px-2 py-1"
          aria-label={label}
        >
          {values.map((v) => (
            <label key={v.value} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={chosen.has(v.value)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(v.value);
                  else next.delete(v.value);
                  onChange({ ...row, value: [...next] });
                }}
              />
              {v.label}
            </label>
          ))}
        </fieldset>
      );
    } else if (values && op !== 'within_last_days') {
      valueInput = (
        <select
          aria-label={label}
          className={control}
          value={String(row.value ?? '')}
          onChange={(e) => onChange({ ...row, value: e.target.value })}
        >
          <option value="">{t('choose')}</option>
          {values.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      );
    } else if (op === 'within_last_days') {
      valueInput = (
        <input
          aria-label={label}
          type="number"
          min={1}
          max={3650}
          className={`${control} w-24`}
          value={String(row.value ?? '')}
          onChange={(e) => onChange({ ...row, value: e.target.value })}
        />
      );
    } else if (type === 'date') {
      valueInput = (
        <input
          aria-label={label}
          type="date"
          className={control}
          value={String(row.value ?? '')}
          onChange={(e) => onChange({ ...row, value: e.target.value })}
        />
      );
    } else {
      valueInput = (
        <input
          aria-label={label}
          type="text"
          maxLength={500}
          className={`${control} min-w-48`}
          value={String(row.value ?? '')}
          onChange={(e) => onChange({ ...row, value: e.target.value })}
        />
      );
    }
  }
  return (
    <li className="rounded-md border border-slate-200 p-2" data-testid={`condition-${index}`}>
      <div className="flex flex-wrap items-start gap-2">
        <select
          aria-label={t('conditions.modeOf', { n })}
          className={control}
          value={row.mode}
          onChange={(e) => onChange({ ...row, mode: e.target.value as 'all' | 'any' })}
        >
          <option value="all">{t('conditions.all')}</option>
          <option value="any">{t('conditions.any')}</option>
        </select>
        <select
          aria-label={t('conditions.targetOf', { n })}
          className={control}
          value={row.target}
          onChange={(e) => setTarget(e.target.value)}
        >
          <option value="">{t('choose')}</option>
          {BUILTIN_TARGETS.map((x) => (
            <option key={x.id} value={x.id}>
              {t(`targets.${x.id}`)}
            </option>
          ))}
          {options.fieldTargets.length > 0 && (
            <optgroup label={t('targets.fields')}>
              {options.fieldTargets.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <select
          aria-label={t('conditions.operatorOf', { n })}
          className={control}
          value={row.operator}
          onChange={(e) => setOperator(e.target.value as Operator)}
          disabled={!type}
        >
          {ops.map((o) => (
            <option key={o} value={o}>
              {t(`operators.${o}`)}
            </option>
          ))}
        </select>
        {valueInput}
        <button
          type="button"
          className="ml-auto rounded p-1 text-slate-500 hover:bg-slate-100"
          onClick={onRemove}
          aria-label={t('conditions.remove', { n })}
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
      {errors?.map((e) => (
        <p key={e} role="alert" className="mt-1 text-xs text-red-600">
          {e}
        </p>
      ))}
    </li>
  );
}
