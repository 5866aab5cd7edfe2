'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { MailDialog } from '../mail-dialog';
import { AgentSelect, control, GroupSelect, str, type ResultEditorProps } from './shared';

/** 메일 알림: the recipient (an agent or a named group when chosen) and the per-language mail. */
export function NotifyMailEditor(props: ResultEditorProps) {
  const { n, row, options, set } = props;
  const t = useTranslations('triggers');
  const [open, setOpen] = useState(false);
  const langs = Object.keys((row.messages as Record<string, unknown>) ?? {});
  return (
    <>
      <select
        aria-label={t('results.recipientOf', { n })}
        className={control}
        value={str(row, 'to')}
        onChange={(e) => set({ to: e.target.value })}
      >
        {['assignee', 'group', 'customer', 'agent', 'named_group'].map((k) => (
          <option key={k} value={k}>
            {t(`results.recipients.${k}`)}
          </option>
        ))}
      </select>
      {row.to === 'agent' && <AgentSelect n={n} row={row} set={set} agents={options.agents} />}
      {row.to === 'named_group' && <GroupSelect {...props} label={t('results.groupOf', { n })} />}
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        {t('results.editMail')}
      </Button>
      <span className="text-xs text-slate-500">
        {langs.length ? t('results.mailLanguages', { langs: langs.join(', ') }) : t('results.mailEmpty')}
      </span>
      {open && (
        <MailDialog
          options={options}
          value={(row.messages as Record<string, { subject: string; body: string }>) ?? {}}
          onSave={(messages) => set({ messages })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
