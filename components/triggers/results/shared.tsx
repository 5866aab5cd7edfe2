'use client';

import { useTranslations } from 'next-intl';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import type { ResultDraft } from '../types';

export const control = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** What every result editor gets: its row, its 1-based number, the editor's options and a patcher. */
export type ResultEditorProps = {
  index: number;
  n: number;
  row: ResultDraft;
  options: EditorOptions;
  triggerId?: string;
  set: (patch: Record<string, unknown>) => void;
};

/** A string setting of the row, or '' when unset. */
export const str = (row: ResultDraft, k: string) => (typeof row[k] === 'string' ? (row[k] as string) : '');

/** The group menu several result types share; choosing a group for 배정 resets its agent choice. */
export function GroupSelect({ row, options, set, label }: ResultEditorProps & { label: string }) {
  const t = useTranslations('triggers');
  return (
    <select
      aria-label={label}
      className={control}
      value={str(row, 'groupId')}
      onChange={(e) =>
        set({ groupId: e.target.value, ...(row.type === 'assign' ? { agentId: null, agentIds: null } : {}) })
      }
    >
      <option value="">{t('results.chooseGroup')}</option>
      {options.groups.map((g) => (
        <option key={g.value} value={g.value}>
          {g.label}
        </option>
      ))}
    </select>
  );
}

/** One agent of `agents` (the service's, or a group's for 배정), as the row's `agentId`. */
export function AgentSelect({
  n,
  row,
  set,
  agents,
}: Pick<ResultEditorProps, 'n' | 'row' | 'set'> & { agents: EditorOptions['agents'] }) {
  const t = useTranslations('triggers');
  return (
    <select
      aria-label={t('results.agentOf', { n })}
      className={control}
      value={str(row, 'agentId')}
      onChange={(e) => set({ agentId: e.target.value || null })}
    >
      <option value="">{t('results.chooseAgent')}</option>
      {agents.map((a) => (
        <option key={a.value} value={a.value}>
          {a.label}
        </option>
      ))}
    </select>
  );
}

/** A saved URL is never sent back in clear (it is a bearer credential): only its masked hint. */
export function StoredUrl({ row, index }: { row: ResultDraft; index: number }) {
  const t = useTranslations('triggers');
  if (!str(row, 'urlSealed') || str(row, 'url')) return null;
  return (
    <p className="w-full text-xs text-slate-500" data-testid={`stored-url-${index}`}>
      {t('results.urlStored', { hint: str(row, 'urlHint') })}
    </p>
  );
}
