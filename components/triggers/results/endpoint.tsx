'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DoorayDialog, type DoorayTemplate } from '../dooray-dialog';
import { CallbackTest } from './callback-test';
import { control, StoredUrl, str, type ResultEditorProps } from './shared';

/** 콜백: the URL (a saved one stays sealed and shows masked) and 테스트. */
export function CallbackEditor({ index, n, row, options, triggerId, set }: ResultEditorProps) {
  const t = useTranslations('triggers');
  const urlKey = str(row, 'urlKey');
  const saved = triggerId && urlKey && str(row, 'urlSealed') ? { triggerId, urlKey } : undefined;
  return (
    <>
      <input
        aria-label={t('results.urlOf', { n })}
        type="url"
        placeholder={str(row, 'urlHint') || 'https://'}
        className={`${control} min-w-80`}
        value={str(row, 'url')}
        onChange={(e) => set({ url: e.target.value })}
      />
      <CallbackTest serviceId={options.serviceId} url={str(row, 'url')} saved={saved} />
      <StoredUrl row={row} index={index} />
    </>
  );
}

/** 두레이 알림: the incoming-hook URL (sealed once saved) and the message template. */
export function DoorayEditor({ index, n, row, options, set }: ResultEditorProps) {
  const t = useTranslations('triggers');
  const [open, setOpen] = useState(false);
  return (
    <>
      <input
        aria-label={t('results.hookOf', { n })}
        type="url"
        placeholder={str(row, 'urlHint') || 'https://hook.dooray.com/services/…'}
        className={`${control} min-w-80`}
        value={str(row, 'url')}
        onChange={(e) => set({ url: e.target.value })}
      />
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        {t('results.editTemplate')}
      </Button>
      <StoredUrl row={row} index={index} />
      {open && (
        <DoorayDialog
          options={options}
          value={{
            botName: str(row, 'botName'),
            botIconImage: str(row, 'botIconImage'),
            text: str(row, 'text'),
            attachmentTitle: str(row, 'attachmentTitle'),
            attachmentText: str(row, 'attachmentText'),
          }}
          onSave={(v: DoorayTemplate) => set(v)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
