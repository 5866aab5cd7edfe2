'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ComponentType } from 'react';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import { AssignEditor } from './results/assign';
import { choiceOf, emptyResult, RESULT_CHOICES, type ResultChoice } from './results/choices';
import { CallbackEditor, DoorayEditor } from './results/endpoint';
import { NotifyMailEditor } from './results/notify-mail';
import { control, type ResultEditorProps } from './results/shared';
import { ForwardEditor, IntakeTypeEditor, SetGroupEditor } from './results/simple';
import type { ResultDraft } from './types';

/** 상세 내용: one editor per stored result type (외부 전달 후 티켓 완료 is `forward` too). */
const EDITORS: Record<string, ComponentType<ResultEditorProps>> = {
  assign: AssignEditor,
  set_intake_type: IntakeTypeEditor,
  set_group: SetGroupEditor,
  notify_mail: NotifyMailEditor,
  forward: ForwardEditor,
  callback: CallbackEditor,
  dooray: DoorayEditor,
};

/** One result row: 대상 (the result type) and 상세 내용 (its settings). */
export function ResultRow({
  index,
  row,
  options,
  triggerId,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  row: ResultDraft;
  options: EditorOptions;
  /** The saved trigger being edited, so 테스트 can reach a kept (sealed) callback URL. */
  triggerId?: string;
  errors?: string[];
  onChange: (r: ResultDraft) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('triggers');
  const n = index + 1;
  const Editor = Object.hasOwn(EDITORS, row.type) ? EDITORS[row.type] : null;
  return (
    <li className="rounded-md border border-slate-200 p-2" data-testid={`result-${index}`}>
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t('results.typeOf', { n })}
          className={control}
          value={choiceOf(row)}
          onChange={(e) => onChange(emptyResult(e.target.value as ResultChoice))}
        >
          {RESULT_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`results.types.${c}`)}
            </option>
          ))}
        </select>
        {Editor && (
          <Editor
            index={index}
            n={n}
            row={row}
            options={options}
            triggerId={triggerId}
            set={(patch) => onChange({ ...row, ...patch })}
          />
        )}
        <button
          type="button"
          className="ml-auto rounded p-1 text-slate-500 hover:bg-slate-100"
          onClick={onRemove}
          aria-label={t('results.remove', { n })}
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
