'use client';

import { useTranslations } from 'next-intl';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import { AgentSelect, control, GroupSelect, str, type ResultEditorProps } from './shared';

/**
 * 선택한 상담원 중: checkboxes over the group's agents in the order they were added. Chosen agents
 * who have since left the group are named in a note and dropped at the next change.
 */
function AgentSubset({
  n,
  group,
  agents,
  chosen,
  onChange,
}: {
  n: number;
  group: EditorOptions['groups'][number];
  agents: EditorOptions['agents'];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const t = useTranslations('assignSubset');
  const label = (id: string) => agents.find((a) => a.value === id)?.label ?? t('unknown');
  const stale = chosen.filter((id) => !group.agentIds.includes(id));
  const live = chosen.filter((id) => group.agentIds.includes(id));
  const toggle = (id: string, on: boolean) =>
    onChange(group.agentIds.filter((x) => (x === id ? on : live.includes(x))));
  return (
    <fieldset className="w-full rounded-md border border-slate-200 p-2" data-testid={`assign-subset-${n}`}>
      <legend className="px-1 text-xs text-slate-600">{t('legend')}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {group.agentIds.map((id) => (
          <label key={id} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={live.includes(id)}
              onChange={(e) => toggle(id, e.target.checked)}
              aria-label={t('agentOf', { n, name: label(id) })}
            />
            {label(id)}
          </label>
        ))}
      </div>
      {stale.length > 0 && (
        <p role="note" className="mt-1 text-xs text-amber-700">
          {t('removed', { count: stale.length, name: stale.map(label).join(', ') })}
        </p>
      )}
    </fieldset>
  );
}

/** 배정: a group, a method, and either one agent or a subset of the group's agents. */
export function AssignEditor(props: ResultEditorProps) {
  const { n, row, options, set } = props;
  const t = useTranslations('triggers');
  const group = options.groups.find((g) => g.value === row.groupId);
  return (
    <>
      <GroupSelect {...props} label={t('results.groupOf', { n })} />
      <select
        aria-label={t('results.methodOf', { n })}
        className={control}
        value={str(row, 'method')}
        onChange={(e) => set({ method: e.target.value, agentId: null })}
      >
        <option value="random">{t('results.methods.random')}</option>
        <option value="round_robin">{t('results.methods.round_robin')}</option>
        <option value="agent">{t('results.methods.agent')}</option>
      </select>
      {row.method === 'agent' && (
        <AgentSelect
          n={n}
          row={row}
          set={set}
          agents={options.agents.filter((a) => group?.agentIds.includes(a.value))}
        />
      )}
      {row.method !== 'agent' && group && (
        <AgentSubset
          n={n}
          group={group}
          agents={options.agents}
          chosen={Array.isArray(row.agentIds) ? (row.agentIds as string[]) : []}
          onChange={(agentIds) => set({ agentIds })}
        />
      )}
    </>
  );
}
