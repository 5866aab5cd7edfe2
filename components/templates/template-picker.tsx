'use client';

import { FileText } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, useTransition } from 'react';
import {
  listTicketTemplatesAction,
  renderTicketTemplateAction,
} from '@/app/[serviceId]/(desk)/tickets/template-actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';

export type PickerTemplate = {
  id: string;
  title: string;
  searchCode: string | null;
  scope: string;
  useCount: number;
  linked: boolean;
  preview: string;
};

/** The `/code` being typed just before the cursor (a `/` at the start or after white space), or null. */
export function slashQuery(value: string, cursor: number): { query: string; start: number } | null {
  const m = /(^|\s)\/([A-Za-z0-9]{1,20})$/.exec(value.slice(0, cursor));
  return m ? { query: m[2], start: cursor - m[2].length - 1 } : null;
}

/**
 * For a reply textarea: when the agent types `/code`, suggests the ticket's templates whose
 * search code starts with it; `accept` renders the chosen one for the ticket and puts it in
 * place of the `/code` (the caller sets the textarea's value to the returned text).
 */
export function useTemplateSuggestions({ serviceId, ticketId }: { serviceId: string; ticketId: string }) {
  const [query, setQuery] = useState<{ query: string; start: number; end: number } | null>(null);
  const [suggestions, setSuggestions] = useState<PickerTemplate[]>([]);
  const onInput = useCallback((value: string, cursor: number) => {
    const q = slashQuery(value, cursor);
    setQuery(q ? { ...q, end: cursor } : null);
  }, []);
  useEffect(() => {
    if (!query) return;
    let live = true;
    const timer = setTimeout(async () => {
      const r = await listTicketTemplatesAction(null, { serviceId, ticketId, q: query.query });
      if (live && r.ok)
        setSuggestions(
          r.data.filter((t) => t.searchCode?.toLowerCase().startsWith(query.query.toLowerCase())).slice(0, 8),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, serviceId, ticketId]);
  const accept = useCallback(
    async (
      value: string,
      templateId: string,
    ): Promise<{ text: string; cursor: number; html: string | null; removed: number } | { error: string }> => {
      const r = await renderTicketTemplateAction(null, { serviceId, ticketId, templateId });
      if (!r.ok) return { error: r.error };
      const q = query ?? { start: value.length, end: value.length };
      setQuery(null);
      setSuggestions([]);
      // `removed`: how many characters before the cursor the `/code` took (a rich editor replaces those with `html`).
      return {
        text: value.slice(0, q.start) + r.data.text + value.slice(q.end),
        cursor: q.start + r.data.text.length,
        html: r.data.html,
        removed: q.end - q.start,
      };
    },
    [query, serviceId, ticketId],
  );
  const dismiss = useCallback(() => setQuery(null), []);
  return { suggestions: query ? suggestions : [], onInput, accept, dismiss };
}

/**
 * 템플릿 button of the reply form: a searchable list of every template the service can use,
 * those linked to the ticket's processing type first; choosing one renders its codes for this ticket,
 * counts a use and hands the text (and, in a service with the HTML editor, the sanitized HTML) to `onInsert`.
 */
export function TemplatePicker({
  serviceId,
  ticketId,
  onInsert,
}: {
  serviceId: string;
  ticketId: string;
  onInsert: (text: string, html: string | null) => void;
}) {
  const t = useTranslations('templates.picker');
  const tc = useTranslations('common');
  const tl = useTranslations('templatePicker');
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<PickerTemplate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [inserting, startInserting] = useTransition();
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      startLoading(async () => {
        const r = await listTicketTemplatesAction(null, { serviceId, ticketId, q });
        if (r.ok) setRows(r.data);
        else setError(r.error);
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [open, q, serviceId, ticketId]);
  const insert = (id: string) =>
    startInserting(async () => {
      const r = await renderTicketTemplateAction(null, { serviceId, ticketId, templateId: id });
      if (!r.ok) return setError(r.error);
      onInsert(r.data.text, r.data.html);
      setOpen(false);
    });
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        data-testid="template-picker-button"
      >
        <FileText className="size-4" aria-hidden />
        {t('button')}
      </Button>
      {open && (
        <Dialog open onOpenChange={setOpen} title={t('title')} description={t('hint')} size="lg">
          <input
            type="search"
            autoFocus
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('search')}
            aria-label={t('search')}
            maxLength={50}
            className="mb-2 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <ul
            className="max-h-80 overflow-y-auto rounded-md border border-slate-200 text-sm"
            aria-busy={loading}
            data-testid="template-picker-list"
          >
            {rows.length === 0 && <li className="px-3 py-2 text-slate-400">{loading ? tc('loading') : t('empty')}</li>}
            {rows.map((r) => (
              <li key={r.id} className="border-b border-slate-100 last:border-0">
                <button
                  type="button"
                  disabled={inserting}
                  onClick={() => insert(r.id)}
                  className="block w-full px-3 py-2 text-left hover:bg-slate-50 focus:bg-slate-50"
                >
                  <span className="flex items-center gap-2">
                    <span className="font-medium">{r.title}</span>
                    {r.searchCode && <span className="font-mono text-xs text-slate-500">/{r.searchCode}</span>}
                    {r.linked && (
                      <span className="rounded bg-brand-50 px-1.5 text-xs text-brand-700" data-testid="template-linked">
                        {tl('linked')}
                      </span>
                    )}
                  </span>
                  <span className="line-clamp-2 text-xs whitespace-pre-wrap text-slate-500">{r.preview}</span>
                </button>
              </li>
            ))}
          </ul>
          <FormError message={error} />
        </Dialog>
      )}
    </>
  );
}
