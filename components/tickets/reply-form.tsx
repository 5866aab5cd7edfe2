'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { INTERNAL_REASONS } from '@/db/values';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { previewReplyAction, processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { checkBannedWordsAction } from '@/app/[serviceId]/(desk)/tickets/banned-word-actions';
import { saveDraftAction } from '@/app/[serviceId]/(desk)/tickets/draft-actions';
import { BannedWordsDialog, type BannedWordMatch } from '@/components/banned-words/banned-words-dialog';
import { TemplatePicker, useTemplateSuggestions } from '@/components/templates/template-picker';
import { BodyEditor, type BodyEditorHandle } from '@/components/ui/rich-text-editor';
import { useLive } from '@/components/live/live-desk';
import { noteTyping } from '@/components/live/ticket-presence';

const ACTIONS = ['solve', 'pend', 'comment', 'internal'] as const;
type Preview = { to: string | null; subject: string; text: string };

/** The text a customer reads of a rich reply (for the 금칙어 check before sending; the server checks again). */
function richText(html: string): string {
  const doc = new DOMParser().parseFromString(
    html.replace(/<\/(p|li|h\d|blockquote|div|pre)>|<br\s*\/?>/gi, '$&\n'),
    'text/html',
  );
  return doc.body.textContent ?? '';
}

/**
 * The reply box with the processing dropdown: 해결 / 보류 / 코멘트 추가 / 내부해결, 미리보기 and 처리하기.
 * Where the service's editor type is HTML it is the rich-text editor (the server sanitizes the
 * HTML when it stores it and again when it shows or mails it), else a textarea.
 */
export function ReplyForm({
  serviceId,
  ticketId,
  version,
  spam,
  closed,
  hasEmail,
  editorHtml = false,
  draft = null,
}: {
  serviceId: string;
  ticketId: string;
  version: number;
  spam: boolean;
  closed: boolean;
  hasEmail: boolean;
  editorHtml?: boolean;
  draft?: string | null;
}) {
  const t = useTranslations('tickets');
  const tt = useTranslations('templates');
  const toast = useToast();
  const router = useRouter();
  const [action, setAction] = useState<(typeof ACTIONS)[number]>(closed || spam ? 'comment' : 'solve');
  const [reason, setReason] = useState('');
  const [body, setBody] = useState(draft ?? '');
  // The rich editor keeps its own content; a new key starts it again (after sending).
  const [editorKey, setEditorKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, start] = useTransition();
  // Live desk: a change by someone else since I opened (or acknowledged) the ticket is shown
  // before I send, instead of only as the server's version conflict after the click.
  const live = useLive();
  const lastSeq = live.changes.at(-1)?.seq ?? 0;
  const [seenSeq, setSeenSeq] = useState(lastSeq);
  const changedByOthers = live.changes.some((c) => c.seq > seenSeq && c.ticketId === ticketId && c.actorId !== live.me);
  const tl = useTranslations('live');
  const td = useTranslations('drafts');
  // Draft autosave (server-side, per ticket and agent): 1 s after the last keystroke.
  const [restored, setRestored] = useState(Boolean(draft));
  const [draftState, setDraftState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const savedBody = useRef(draft ?? '');
  // Until the server has it, the text also sits in this tab's sessionStorage: a reload sends its
  // request before the page's last events, so no request from the old page can be relied on to
  // reach the server before the new page reads the draft; the tab's own copy always can.
  const localKey = `cd:draft:${live.me}:${ticketId}`;
  const forgetLocal = () => {
    try {
      sessionStorage.removeItem(localKey);
    } catch {}
  };
  useEffect(() => {
    if (body === savedBody.current) return;
    try {
      sessionStorage.setItem(localKey, body);
    } catch {
      // Storage off or full: the server autosave still runs.
    }
  }, [body, localKey]);
  useEffect(() => {
    if (body === savedBody.current) return;
    const id = setTimeout(async () => {
      setDraftState('saving');
      const r = await saveDraftAction(null, { serviceId, ticketId, body }).catch(() => null);
      if (r?.ok) {
        savedBody.current = body;
        try {
          if (sessionStorage.getItem(localKey) === body) sessionStorage.removeItem(localKey);
        } catch {}
      }
      setDraftState(r?.ok ? (body.trim() ? 'saved' : 'idle') : 'failed');
    }, 1000);
    return () => clearTimeout(id);
  }, [body, serviceId, ticketId, localKey]);
  // After hydration (never during it: the server's HTML has no sessionStorage), a newer unsent
  // copy of this tab wins over the server's draft and is saved again by the autosave above.
  useEffect(() => {
    let local: string | null = null;
    try {
      local = sessionStorage.getItem(localKey);
    } catch {}
    if (local === null || local === savedBody.current) return;
    setBody(local);
    setRestored(Boolean(local.trim()));
    setEditorKey((k) => k + 1);
  }, [localKey]);
  // The tab's last moment (leaving, closing, hidden) and leaving the screen in-app also send the
  // unsaved text with a keepalive request, which outlives the page (a server action is cancelled
  // with it), so a closed tab keeps its draft on the server too.
  const latestBody = useRef(body);
  useEffect(() => {
    latestBody.current = body;
  }, [body]);
  useEffect(() => {
    const flush = () => {
      const text = latestBody.current;
      if (text === savedBody.current) return;
      const payload = JSON.stringify({ ticketId, body: text });
      // keepalive bodies are capped at 64 KB by the browser; a longer draft goes without it.
      void fetch(`/${serviceId}/drafts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
        keepalive: payload.length < 60_000,
      })
        .then((r) => {
          if (r.ok) savedBody.current = text;
        })
        .catch(() => {});
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [serviceId, ticketId]);
  // Leaving with an unsent reply asks first: a reload or closing the tab, and links inside the app.
  const unsent = body.trim().length > 0;
  useEffect(() => {
    if (!unsent) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (
        !a ||
        a.getAttribute('target') === '_blank' ||
        e.defaultPrevented ||
        e.button !== 0 ||
        e.metaKey ||
        e.ctrlKey ||
        e.shiftKey
      )
        return;
      if (!window.confirm(td('leaveConfirm'))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [unsent, td]);
  const available = closed || spam ? (['comment'] as const) : ACTIONS;
  // Templates (issue 8): the picker inserts at the cursor; `/code` in the box suggests by search code.
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<BodyEditorHandle>(null);
  const format = editorHtml ? 'html' : 'text';
  const suggest = useTemplateSuggestions({ serviceId, ticketId });
  const insertTemplate = (text: string, html: string | null) => {
    if (editorHtml) return editorRef.current?.insert(html ?? text);
    const el = bodyRef.current;
    const at = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? at;
    setBody(body.slice(0, at) + text + body.slice(end));
    requestAnimationFrame(() => el && (el.focus(), el.setSelectionRange(at + text.length, at + text.length)));
  };
  const acceptSuggestion = async (templateId: string) => {
    if (editorHtml) {
      const before = editorRef.current?.beforeCursor?.() ?? '';
      const r = await suggest.accept(before, templateId);
      if ('error' in r) return setFormError(r.error);
      return editorRef.current?.replaceBefore?.(r.removed, r.html ?? r.text);
    }
    const r = await suggest.accept(body, templateId);
    if ('error' in r) return setFormError(r.error);
    setBody(r.text);
    requestAnimationFrame(
      () => bodyRef.current && (bodyRef.current.focus(), bodyRef.current.setSelectionRange(r.cursor, r.cursor)),
    );
  };
  // 금칙어 (issue 8): replies to the customer are checked before 처리하기 / 미리보기; the server checks again.
  const [banned, setBanned] = useState<{ text: string; matches: BannedWordMatch[] } | null>(null);
  const passesBannedWords = async () => {
    if (action !== 'solve' && action !== 'pend') return true;
    const text = editorHtml ? richText(body) : body;
    const r = await checkBannedWordsAction(null, { serviceId, text });
    if (r.ok && r.data.matches.length) {
      setBanned({ text, matches: r.data.matches });
      return false;
    }
    return true;
  };

  const submit = () =>
    start(async () => {
      setFormError(null);
      if (changedByOthers) return setFormError(tl('changedBeforeSend'));
      if (!(await passesBannedWords())) return;
      const r = await processTicketAction(null, {
        serviceId,
        ticketId,
        version,
        action,
        body,
        format,
        reason: action === 'internal' ? reason || undefined : undefined,
      });
      if (!r.ok) {
        setFormError(r.error);
        setErrors(r.fieldErrors ?? {});
        return;
      }
      setErrors({});
      setSeenSeq(lastSeq);
      setRestored(false);
      savedBody.current = '';
      forgetLocal();
      setBody('');
      setEditorKey((k) => k + 1);
      void saveDraftAction(null, { serviceId, ticketId, body: '' }).catch(() => {});
      toast(
        r.data.mailed ? t('process.doneMailed') : r.data.mailFailed ? t('process.doneMailFailed') : t('process.done'),
        r.data.mailFailed ? 'error' : 'success',
      );
      router.refresh();
    });
  const showPreview = () =>
    start(async () => {
      setFormError(null);
      if (!(await passesBannedWords())) return;
      const r = await previewReplyAction(null, { serviceId, ticketId, body, format });
      if (!r.ok) {
        setFormError(r.error);
        setErrors(r.fieldErrors ?? {});
        return;
      }
      setErrors({});
      setPreview(r.data);
    });
  const bodyErrors = errors.body ?? [];
  const onShortcut = (e: KeyboardEvent<HTMLElement>) => {
    // Alt+T opens the template picker from the reply box.
    if (e.altKey && (e.key === 't' || e.key === 'T' || e.code === 'KeyT')) {
      e.preventDefault();
      e.stopPropagation();
      document.querySelector<HTMLButtonElement>('[data-testid="template-picker-button"]')?.click();
    }
    // Ctrl/⌘+Enter sends, through the same checks as the button (changed ticket, 금칙어, version).
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      if (!pending) submit();
    }
  };
  return (
    <section aria-labelledby="reply-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="reply-title" className="mb-3 font-medium">
        {t('process.title')}
      </h2>
      <div className="mb-2 flex justify-end">
        <TemplatePicker serviceId={serviceId} ticketId={ticketId} onInsert={insertTemplate} />
      </div>
      {restored && (
        <p
          role="status"
          data-testid="draft-restored"
          className="mb-2 flex items-center gap-3 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900"
        >
          {td('restored')}
          <button type="button" className="text-sky-800 underline" onClick={() => setRestored(false)}>
            {td('dismiss')}
          </button>
        </p>
      )}
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
            invalid={bodyErrors.length > 0}
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
            aria-invalid={bodyErrors.length > 0}
            aria-describedby={bodyErrors.length ? 'reply-body-err' : undefined}
            placeholder={
              action === 'comment' || action === 'internal'
                ? t('process.commentPlaceholder')
                : hasEmail
                  ? t('process.replyPlaceholder')
                  : t('process.replyNoEmail')
            }
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </>
      )}
      {suggest.suggestions.length > 0 && (
        <ul
          aria-label={tt('picker.suggestion')}
          className="mt-1 rounded-md border border-slate-200 bg-white text-sm shadow-sm"
          data-testid="template-suggestions"
        >
          {suggest.suggestions.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => acceptSuggestion(s.id)}
                className="flex w-full gap-2 px-3 py-1.5 text-left hover:bg-slate-50 focus:bg-slate-50"
              >
                <span className="font-mono text-xs text-slate-500">/{s.searchCode}</span>
                <span>{s.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {bodyErrors.length > 0 && (
        <p id="reply-body-err" className="mt-1 text-sm text-red-700">
          {bodyErrors.join(' ')}
        </p>
      )}
      <p className="mt-1 flex justify-between text-xs text-slate-500">
        <span>{td('shortcuts')}</span>
        <span aria-live="polite" data-testid="draft-state">
          {draftState === 'saving'
            ? td('saving')
            : draftState === 'saved'
              ? td('saved')
              : draftState === 'failed'
                ? td('failed')
                : ''}
        </span>
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          {t('process.action')}
          <select
            value={action}
            onChange={(e) => setAction(e.target.value as typeof action)}
            className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
            name="action"
          >
            {available.map((a) => (
              <option key={a} value={a}>
                {t(`process.${a}`)}
              </option>
            ))}
          </select>
        </label>
        {action === 'internal' && (
          <label className="flex flex-col gap-1 text-xs text-slate-600">
            {t('process.reason')}
            <select
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
              name="reason"
              aria-invalid={Boolean(errors.reason)}
            >
              <option value="">{t('process.chooseReason')}</option>
              {INTERNAL_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}`)}
                </option>
              ))}
            </select>
            {errors.reason && <span className="text-red-700">{errors.reason.join(' ')}</span>}
          </label>
        )}
        <div className="ml-auto flex gap-2">
          {(action === 'solve' || action === 'pend') && (
            <Button variant="secondary" onClick={showPreview} disabled={pending}>
              {t('process.preview')}
            </Button>
          )}
          <Button onClick={submit} disabled={pending}>
            {pending ? t('process.running') : t('process.submit')}
          </Button>
        </div>
      </div>
      {changedByOthers && (
        <div
          role="alert"
          data-testid="ticket-changed"
          className="mt-3 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <span>{tl('changed')}</span>
          <Button
            variant="secondary"
            onClick={() => {
              setSeenSeq(lastSeq);
              setFormError(null);
            }}
          >
            {tl('acknowledge')}
          </Button>
        </div>
      )}
      {formError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {formError}
        </p>
      )}
      <BannedWordsDialog
        open={Boolean(banned)}
        onClose={() => {
          setBanned(null);
          document.getElementById('reply-body')?.focus();
        }}
        text={banned?.text ?? ''}
        matches={banned?.matches ?? []}
      />
      <Dialog
        open={Boolean(preview)}
        onOpenChange={(o) => !o && setPreview(null)}
        title={t('process.previewTitle')}
        size="lg"
      >
        {preview && (
          <div className="flex flex-col gap-2 text-sm">
            <p>
              <span className="text-slate-500">{t('process.previewTo')}:</span>{' '}
              {preview.to ?? t('process.previewNoEmail')}
            </p>
            <p>
              <span className="text-slate-500">{t('process.previewSubject')}:</span> {preview.subject}
            </p>
            <pre className="max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 p-3 font-sans whitespace-pre-wrap">
              {preview.text}
            </pre>
          </div>
        )}
      </Dialog>
    </section>
  );
}
