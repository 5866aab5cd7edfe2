'use client';

import { useTranslations } from 'next-intl';
import { useRef, type KeyboardEvent } from 'react';
import { useTemplateSuggestions } from '@/components/templates/template-picker';
import { BodyEditor, type BodyEditorHandle } from '@/components/ui/rich-text-editor';
import { noteTyping } from '@/components/live/ticket-presence';

type Suggest = ReturnType<typeof useTemplateSuggestions>;

/**
 * Templates in the reply box (issue 8): the picker inserts at the cursor and `/code` suggests by
 * search code, in the rich editor or the textarea alike. `fail` shows a refused suggestion.
 */
export function useReplyTemplates({
  serviceId,
  ticketId,
  editorHtml,
  body,
  setBody,
  fail,
}: {
  serviceId: string;
  ticketId: string;
  editorHtml: boolean;
  body: string;
  setBody: (v: string) => void;
  fail: (message: string) => void;
}) {
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<BodyEditorHandle>(null);
  const suggest = useTemplateSuggestions({ serviceId, ticketId });
  const insert = (text: string, html: string | null) => {
    if (editorHtml) return editorRef.current?.insert(html ?? text);
    const el = bodyRef.current;
    const at = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? at;
    setBody(body.slice(0, at) + text + body.slice(end));
    requestAnimationFrame(() => el && (el.focus(), el.setSelectionRange(at + text.length, at + text.length)));
  };
  const accept = async (templateId: string) => {
    if (editorHtml) {
      const before = editorRef.current?.beforeCursor?.() ?? '';
      const r = await suggest.accept(before, templateId);
      if ('error' in r) return fail(r.error);
      return editorRef.current?.replaceBefore?.(r.removed, r.html ?? r.text);
    }
    const r = await suggest.accept(body, templateId);
    if ('error' in r) return fail(r.error);
    setBody(r.text);
    requestAnimationFrame(
      () => bodyRef.current && (bodyRef.current.focus(), bodyRef.current.setSelectionRange(r.cursor, r.cursor)),
    );
  };
  return { bodyRef, editorRef, suggest, insert, accept };
}

/**
 * The reply body: the rich-text editor where the service's editor type is HTML (the server
 * sanitizes the HTML when it stores it and again when it shows or mails it), else a textarea;
 * then the `/code` suggestions and the body's errors.
 */
export function ReplyEditor({
  editorHtml,
  editorKey,
  body,
  setBody,
  templates,
  onShortcut,
  placeholder,
  errors,
}: {
  editorHtml: boolean;
  editorKey: number;
  body: string;
  setBody: (v: string) => void;
  templates: ReturnType<typeof useReplyTemplates>;
  onShortcut: (e: KeyboardEvent<HTMLElement>) => void;
  placeholder: string;
  errors: string[];
}) {
  const t = useTranslations('tickets');
  const { bodyRef, editorRef, suggest } = templates;
  return (
    <>
      {editorHtml ? (
        // Captured before the editor's own keys (Tiptap makes Mod+Enter a line break): the same shortcuts as the textarea.
        <div
          onKeyDownCapture={(e) => {
            if (e.key === 'Escape') suggest.dismiss();
            onShortcut(e);
          }}
          aria-keyshortcuts="Control+Enter Meta+Enter Alt+T"
        >
          <span id="reply-body-label" className="sr-only">
            {t('process.body')}
          </span>
          <BodyEditor
            key={editorKey}
            html
            id="reply-body"
            labelledBy="reply-body-label"
            ref={editorRef}
            defaultValue={body}
            rows={6}
            invalid={errors.length > 0}
            onChange={(v) => {
              setBody(v);
              const before = editorRef.current?.beforeCursor?.() ?? '';
              suggest.onInput(before, before.length);
              noteTyping();
            }}
          />
        </div>
      ) : (
        <>
          <label htmlFor="reply-body" className="sr-only">
            {t('process.body')}
          </label>
          <textarea
            id="reply-body"
            ref={bodyRef}
            name="body"
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              suggest.onInput(e.target.value, e.target.selectionStart ?? e.target.value.length);
              noteTyping();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') suggest.dismiss();
              onShortcut(e);
            }}
            aria-keyshortcuts="Control+Enter Meta+Enter Alt+T"
            rows={6}
            aria-invalid={errors.length > 0}
            aria-describedby={errors.length ? 'reply-body-err' : undefined}
            placeholder={placeholder}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </>
      )}
      <Suggestions suggest={suggest} onAccept={templates.accept} />
      {errors.length > 0 && (
        <p id="reply-body-err" className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      )}
    </>
  );
}

function Suggestions({ suggest, onAccept }: { suggest: Suggest; onAccept: (templateId: string) => void }) {
  const tt = useTranslations('templates');
  if (suggest.suggestions.length === 0) return null;
  return (
    <ul
      aria-label={tt('picker.suggestion')}
      className="mt-1 rounded-md border border-slate-200 bg-white text-sm shadow-sm"
      data-testid="template-suggestions"
    >
      {suggest.suggestions.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            onClick={() => onAccept(s.id)}
            className="flex w-full gap-2 px-3 py-1.5 text-left hover:bg-slate-50 focus:bg-slate-50"
          >
            <span className="font-mono text-xs text-slate-500">/{s.searchCode}</span>
            <span>{s.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
