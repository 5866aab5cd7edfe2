'use client';

import { useTranslations } from 'next-intl';
import { Fragment, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

export type BannedWordMatch = { word: string; start: number; end: number };

/** The text split into plain runs and highlighted matches (overlapping matches merge into one mark). */
export function highlightSegments(text: string, matches: readonly BannedWordMatch[]): { text: string; hit: boolean }[] {
  const ranges = [...matches]
    .sort((a, b) => a.start - b.start)
    .reduce<{ start: number; end: number }[]>((acc, m) => {
      const last = acc[acc.length - 1];
      if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
      else acc.push({ start: m.start, end: m.end });
      return acc;
    }, []);
  const out: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), hit: false });
    out.push({ text: text.slice(r.start, r.end), hit: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** Line and column (1-based) of an offset, to say where a word is. */
function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * 금칙어 대화상자: lists each banned word found with how often and where, and shows the reply
 * with the matches highlighted (rendered as text nodes, never as HTML).
 */
export function BannedWordsDialog({
  open,
  onClose,
  text,
  matches,
}: {
  open: boolean;
  onClose: () => void;
  text: string;
  matches: BannedWordMatch[];
}) {
  const t = useTranslations('bannedWords.dialog');
  const byWord = new Map<string, BannedWordMatch[]>();
  for (const m of matches) byWord.set(m.word, [...(byWord.get(m.word) ?? []), m]);
  const segments = highlightSegments(text, matches);
  let body: ReactNode = segments.map((s, i) =>
    s.hit ? (
      <mark key={i} className="rounded bg-red-200 px-0.5 text-red-900">
        {s.text}
      </mark>
    ) : (
      <Fragment key={i}>{s.text}</Fragment>
    ),
  );
  if (!text) body = null;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={t('title')} description={t('body')} size="lg">
      <ul className="mb-4 space-y-1 text-sm" data-testid="banned-word-list">
        {[...byWord].map(([word, ms]) => (
          <li key={word} className="flex flex-wrap items-baseline gap-2">
            <strong className="text-red-700">{word}</strong>
            <span className="text-slate-500">{t('count', { count: ms.length })}</span>
            <span className="text-xs text-slate-500">
              {ms
                .slice(0, 5)
                .map((m) => {
                  const p = place(text, m.start);
                  return `${p.line}:${p.column} “${text.slice(m.start, m.end)}”`;
                })
                .join(', ')}
            </span>
          </li>
        ))}
      </ul>
      <p className="mb-1 text-sm font-medium text-slate-700">{t('textLabel')}</p>
      <div
        className="max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap"
        data-testid="banned-word-text"
      >
        {body}
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose} autoFocus>
          {t('close')}
        </Button>
      </div>
    </Dialog>
  );
}
