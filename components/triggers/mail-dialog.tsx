'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { BodyEditor, type BodyEditorHandle } from '@/components/ui/rich-text-editor';
import { CodePicker, insertAt } from './code-picker';
import type { EditorOptions } from '@/lib/triggers/editor-types';

type Messages = Record<string, { subject: string; body: string }>;

/** The notification mail (알림 메일) dialog: subject and body per help-center language, with the code picker. */
export function MailDialog({
  options,
  value,
  onSave,
  onClose,
}: {
  options: EditorOptions;
  value: Messages;
  onSave: (m: Messages) => void;
  onClose: () => void;
}) {
  const t = useTranslations('triggers.mail');
  const [lang, setLang] = useState(options.languages[0]);
  const [draft, setDraft] = useState<Messages>(() =>
    Object.fromEntries(options.languages.map((l) => [l, value[l] ?? { subject: '', body: '' }])),
  );
  const [focus, setFocus] = useState<'subject' | 'body'>('body');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<BodyEditorHandle>(null);
  const cur = draft[lang];
  const set = (patch: Partial<{ subject: string; body: string }>) =>
    setDraft((d) => ({ ...d, [lang]: { ...d[lang], ...patch } }));
  const insert = (code: string) => {
    const tag = `#{${code}}`;
    if (focus === 'subject') set({ subject: insertAt(subjectRef.current, cur.subject, tag) });
    else bodyRef.current?.insert(tag);
  };
  const save = () => {
    // Languages left empty are not stored; the ticket's language falls back to the default one.
    const filled = Object.fromEntries(Object.entries(draft).filter(([, m]) => m.subject.trim() || m.body.trim()));
    onSave(filled);
    onClose();
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('title')} description={t('help')} size="lg">
      <div role="tablist" aria-label={t('languages')} className="mb-3 flex gap-1 border-b border-slate-200">
        {options.languages.map((l) => (
          <button
            key={l}
            role="tab"
            type="button"
            aria-selected={l === lang}
            className={`px-3 py-1.5 text-sm ${l === lang ? 'border-b-2 border-brand-600 font-semibold' : 'text-slate-600'}`}
            onClick={() => setLang(l)}
          >
            {l}
          </button>
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-[1fr_16rem]">
        <div className="space-y-3" role="tabpanel">
          <TextField
            label={t('subject')}
            ref={subjectRef}
            maxLength={200}
            value={cur.subject}
            onFocus={() => setFocus('subject')}
            onChange={(e) => set({ subject: e.target.value })}
          />
          <div className="space-y-1">
            <label
              id="trigger-mail-body-label"
              htmlFor="trigger-mail-body"
              className="block text-sm font-medium text-slate-700"
            >
              {options.editorHtml ? t('bodyHtml') : t('body')}
            </label>
            <BodyEditor
              key={lang}
              html={options.editorHtml}
              id="trigger-mail-body"
              labelledBy="trigger-mail-body-label"
              ref={bodyRef}
              defaultValue={cur.body}
              onFocus={() => setFocus('body')}
              onChange={(body) => set({ body })}
            />
          </div>
        </div>
        <CodePicker codes={options.codes} reply={options.replyContext} onInsert={insert} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button onClick={save}>{t('apply')}</Button>
      </div>
    </Dialog>
  );
}
