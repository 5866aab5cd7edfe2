'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { testCallbackAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { Button } from '@/components/ui/button';
import { DoorayDialog, type DoorayTemplate } from './dooray-dialog';
import { MailDialog } from './mail-dialog';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import type { ResultDraft } from './types';

/** Result types as the 대상 menu lists them; 외부 전달 후 티켓 완료 is `forward` with `complete`. */
export const RESULT_CHOICES = [
  'assign',
  'set_intake_type',
  'set_group',
  'notify_mail',
  'forward',
  'forward_complete',
  'callback',
  'dooray',
] as const;
export type ResultChoice = (typeof RESULT_CHOICES)[number];

export function choiceOf(r: ResultDraft): ResultChoice | '' {
  if (r.type === 'forward') return r.complete ? 'forward_complete' : 'forward';
  return (RESULT_CHOICES as readonly string[]).includes(r.type) ? (r.type as ResultChoice) : '';
}

export function emptyResult(choice: ResultChoice): ResultDraft {
  switch (choice) {
    case 'assign':
      return { type: 'assign', groupId: '', method: 'round_robin', agentId: null };
    case 'set_intake_type':
      return { type: 'set_intake_type', categoryId: '' };
    case 'set_group':
      return { type: 'set_group', groupId: '' };
    case 'notify_mail':
      return { type: 'notify_mail', to: 'assignee', agentId: null, groupId: null, messages: {} };
    case 'forward':
      return { type: 'forward', to: '', complete: false };
    case 'forward_complete':
      return { type: 'forward', to: '', complete: true };
    case 'callback':
      return { type: 'callback', url: '' };
    case 'dooray':
      return {
        type: 'dooray',
        url: '',
        botName: 'Contact Desk',
        botIconImage: '',
        text: '[#{ticketNo}] #{subject}',
        attachmentTitle: '',
        attachmentText: '',
      };
  }
}

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

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

function CallbackTest({ serviceId, url }: { serviceId: string; url: string }) {
  const t = useTranslations('triggers.callback');
  const [pending, start] = useTransition();
  const [shown, setShown] = useState<
    { status: number | null; body: string; error: string | null; latencyMs: number } | string | null
  >(null);
  return (
    <div className="w-full">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending || !url}
        onClick={() =>
          start(async () => {
            const r = await testCallbackAction(null, { serviceId, url });
            setShown(r.ok ? r.data : r.fieldErrors?.url?.join(' ') || r.error);
          })
        }
      >
        {t('test')}
      </Button>
      {shown !== null && (
        <div className="mt-2 rounded-md bg-slate-50 p-2 text-xs" role="status" data-testid="callback-test-result">
          {typeof shown === 'string' ? (
            shown
          ) : (
            <>
              <p>
                {shown.error
                  ? t('testFailed', { error: shown.error })
                  : t('testStatus', { status: shown.status ?? 0, ms: shown.latencyMs })}
              </p>
              {shown.body && (
                <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all">{shown.body}</pre>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** One result row: 대상 (the result type) and 상세 내용 (its settings). */
export function ResultRow({
  index,
  row,
  options,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  row: ResultDraft;
  options: EditorOptions;
  errors?: string[];
  onChange: (r: ResultDraft) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('triggers');
  const [dialog, setDialog] = useState<'mail' | 'dooray' | null>(null);
  const n = index + 1;
  const choice = choiceOf(row);
  const set = (patch: Record<string, unknown>) => onChange({ ...row, ...patch });
  const str = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : '');
  const groupSelect = (label: string) => (
    <select
      aria-label={label}
      className={control}
      value={str('groupId')}
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
  // A saved URL is never sent back in clear (it is a bearer credential): only its masked hint.
  const storedUrl =
    str('urlSealed') && !str('url') ? (
      <p className="w-full text-xs text-slate-500" data-testid={`stored-url-${index}`}>
        {t('results.urlStored', { hint: str('urlHint') })}
      </p>
    ) : null;
  let detail = null;
  if (row.type === 'assign') {
    const group = options.groups.find((g) => g.value === row.groupId);
    detail = (
      <>
        {groupSelect(t('results.groupOf', { n }))}
        <select
          aria-label={t('results.methodOf', { n })}
          className={control}
          value={str('method')}
          onChange={(e) => set({ method: e.target.value, agentId: null })}
        >
          <option value="random">{t('results.methods.random')}</option>
          <option value="round_robin">{t('results.methods.round_robin')}</option>
          <option value="agent">{t('results.methods.agent')}</option>
        </select>
        {row.method === 'agent' && (
          <select
            aria-label={t('results.agentOf', { n })}
            className={control}
            value={str('agentId')}
            onChange={(e) => set({ agentId: e.target.value || null })}
          >
            <option value="">{t('results.chooseAgent')}</option>
            {options.agents
              .filter((a) => group?.agentIds.includes(a.value))
              .map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
          </select>
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
  } else if (row.type === 'set_intake_type') {
    detail = (
      <select
        aria-label={t('results.categoryOf', { n })}
        className={control}
        value={str('categoryId')}
        onChange={(e) => set({ categoryId: e.target.value })}
      >
        <option value="">{t('choose')}</option>
        {options.intakeTypes.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  } else if (row.type === 'set_group') {
    detail = groupSelect(t('results.groupOf', { n }));
  } else if (row.type === 'notify_mail') {
    const langs = Object.keys((row.messages as Record<string, unknown>) ?? {});
    detail = (
      <>
        <select
          aria-label={t('results.recipientOf', { n })}
          className={control}
          value={str('to')}
          onChange={(e) => set({ to: e.target.value })}
        >
          {['assignee', 'group', 'customer', 'agent', 'named_group'].map((k) => (
            <option key={k} value={k}>
              {t(`results.recipients.${k}`)}
            </option>
          ))}
        </select>
        {row.to === 'agent' && (
          <select
            aria-label={t('results.agentOf', { n })}
            className={control}
            value={str('agentId')}
            onChange={(e) => set({ agentId: e.target.value || null })}
          >
            <option value="">{t('results.chooseAgent')}</option>
            {options.agents.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        )}
        {row.to === 'named_group' && groupSelect(t('results.groupOf', { n }))}
        <Button size="sm" variant="secondary" onClick={() => setDialog('mail')}>
          {t('results.editMail')}
        </Button>
        <span className="text-xs text-slate-500">
          {langs.length ? t('results.mailLanguages', { langs: langs.join(', ') }) : t('results.mailEmpty')}
        </span>
        {dialog === 'mail' && (
          <MailDialog
            options={options}
            value={(row.messages as Record<string, { subject: string; body: string }>) ?? {}}
            onSave={(messages) => set({ messages })}
            onClose={() => setDialog(null)}
          />
        )}
      </>
    );
  } else if (row.type === 'forward') {
    detail = (
      <input
        aria-label={t('results.forwardOf', { n })}
        type="email"
        placeholder="name@example.com"
        className={`${control} min-w-64`}
        value={str('to')}
        onChange={(e) => set({ to: e.target.value })}
      />
    );
  } else if (row.type === 'callback') {
    detail = (
      <>
        <input
          aria-label={t('results.urlOf', { n })}
          type="url"
          placeholder={str('urlHint') || 'https://'}
          className={`${control} min-w-80`}
          value={str('url')}
          onChange={(e) => set({ url: e.target.value })}
        />
        <CallbackTest serviceId={options.serviceId} url={str('url')} />
        {storedUrl}
      </>
    );
  } else if (row.type === 'dooray') {
    detail = (
      <>
        <input
          aria-label={t('results.hookOf', { n })}
          type="url"
          placeholder={str('urlHint') || 'https://hook.dooray.com/services/…'}
          className={`${control} min-w-80`}
          value={str('url')}
          onChange={(e) => set({ url: e.target.value })}
        />
        <Button size="sm" variant="secondary" onClick={() => setDialog('dooray')}>
          {t('results.editTemplate')}
        </Button>
        {storedUrl}
        {dialog === 'dooray' && (
          <DoorayDialog
            options={options}
            value={{
              botName: str('botName'),
              botIconImage: str('botIconImage'),
              text: str('text'),
              attachmentTitle: str('attachmentTitle'),
              attachmentText: str('attachmentText'),
            }}
            onSave={(v: DoorayTemplate) => set(v)}
            onClose={() => setDialog(null)}
          />
        )}
      </>
    );
  }
  return (
    <li className="rounded-md border border-slate-200 p-2" data-testid={`result-${index}`}>
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t('results.typeOf', { n })}
          className={control}
          value={choice}
          onChange={(e) => onChange(emptyResult(e.target.value as ResultChoice))}
        >
          {RESULT_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`results.types.${c}`)}
            </option>
          ))}
        </select>
        {detail}
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
