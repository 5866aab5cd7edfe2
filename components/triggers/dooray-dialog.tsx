'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField, TextField } from '@/components/ui/field';
import { CodePicker, insertAt } from './code-picker';
import type { EditorOptions } from '@/lib/triggers/editor-types';

export type DoorayTemplate = {
  botName: string;
  botIconImage: string;
  text: string;
  attachmentTitle: string;
  attachmentText: string;
};
type Key = 'text' | 'attachmentTitle' | 'attachmentText';

/** 템플릿 설정 of a Dooray alert: the bot, the message text and one attachment, with codes inserted by [<]. */
export function DoorayDialog({
  options,
  value,
  onSave,
  onClose,
}: {
  options: EditorOptions;
  value: DoorayTemplate;
  onSave: (v: DoorayTemplate) => void;
  onClose: () => void;
}) {
  const t = useTranslations('triggers.dooray');
  const [v, setV] = useState(value);
  const [focus, setFocus] = useState<Key>('text');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const attRef = useRef<HTMLTextAreaElement>(null);
  const insert = (code: string) => {
    const el = focus === 'text' ? textRef.current : focus === 'attachmentTitle' ? titleRef.current : attRef.current;
    setV((cur) => ({ ...cur, [focus]: insertAt(el, cur[focus], `#{${code}}`) }));
  };
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('templateTitle')}
      description={t('templateHelp')}
      size="lg"
    >
      <div className="grid gap-4 md:grid-cols-[1fr_16rem]">
        <div className="space-y-3">
          <TextField
            label={t('botName')}
            value={v.botName}
            maxLength={50}
            onChange={(e) => setV({ ...v, botName: e.target.value })}
          />
          <TextField
            label={t('botIcon')}
            value={v.botIconImage}
            placeholder="https://"
            onChange={(e) => setV({ ...v, botIconImage: e.target.value })}
          />
          <TextareaField
            label={t('text')}
            ref={textRef}
            rows={4}
            value={v.text}
            onFocus={() => setFocus('text')}
            onChange={(e) => setV({ ...v, text: e.target.value })}
          />
          <TextField
            label={t('attachmentTitle')}
            ref={titleRef}
            value={v.attachmentTitle}
            onFocus={() => setFocus('attachmentTitle')}
            onChange={(e) => setV({ ...v, attachmentTitle: e.target.value })}
          />
          <TextareaField
            label={t('attachmentText')}
            ref={attRef}
            rows={3}
            value={v.attachmentText}
            onFocus={() => setFocus('attachmentText')}
            onChange={(e) => setV({ ...v, attachmentText: e.target.value })}
          />
        </div>
        <CodePicker codes={options.codes} reply={options.replyContext} onInsert={insert} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button
          onClick={() => {
            onSave(v);
            onClose();
          }}
        >
          {t('apply')}
        </Button>
      </div>
    </Dialog>
  );
}
