'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Dialog } from '@/components/ui/dialog';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * Keyboard use of the ticket list: j / k move the row cursor, x selects the row, Enter opens it,
 * ? shows the keys. Ignored while typing in a field or with a modifier held.
 */
export function useListKeys({
  count,
  onOpen,
  onToggle,
}: {
  count: number;
  onOpen: (i: number) => void;
  onToggle: (i: number) => void;
}) {
  const t = useTranslations('listKeys');
  const [cursor, setCursor] = useState(-1);
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.defaultPrevented ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        typing(e.target) ||
        document.querySelector('[role="dialog"]')
      )
        return;
      if (e.key === 'j') setCursor((c) => Math.min(count - 1, c + 1));
      else if (e.key === 'k') setCursor((c) => Math.max(0, c - 1));
      else if (e.key === 'x' && cursor >= 0) onToggle(cursor);
      else if (
        e.key === 'Enter' &&
        cursor >= 0 &&
        !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)
      )
        onOpen(cursor);
      else if (e.key === '?') setHelp(true);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, cursor, onOpen, onToggle]);
  useEffect(() => {
    if (cursor >= 0) document.querySelector(`[data-row-index="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  const dialog = (
    <Dialog open={help} onOpenChange={setHelp} title={t('title')}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {(['j', 'k', 'x', 'Enter', '?'] as const).map((k) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{k}</kbd>
            </dt>
            <dd>{t(`key.${k === 'Enter' ? 'enter' : k === '?' ? 'help' : k}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
  return { cursor, dialog };
}
