'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { saveDraftAction } from '@/app/[serviceId]/(desk)/tickets/draft-actions';

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * The reply's text as a draft kept per ticket and agent: autosaved to the server 1 s after the
 * last keystroke, copied to this tab's sessionStorage until the server has it, sent with a
 * keepalive request when the tab goes away, and guarded against leaving with an unsent reply.
 * `clear` forgets it everywhere once the reply is sent.
 */
export function useReplyDraft({
  serviceId,
  ticketId,
  me,
  draft,
}: {
  serviceId: string;
  ticketId: string;
  me: string;
  draft: string | null;
}) {
  const td = useTranslations('drafts');
  const [body, setBody] = useState(draft ?? '');
  // The rich editor keeps its own content; a new key starts it again (after sending).
  const [editorKey, setEditorKey] = useState(0);
  const [restored, setRestored] = useState(Boolean(draft));
  const [draftState, setDraftState] = useState<DraftState>('idle');
  const savedBody = useRef(draft ?? '');
  // Until the server has it, the text also sits in this tab's sessionStorage: a reload sends its
  // request before the page's last events, so no request from the old page can be relied on to
  // reach the server before the new page reads the draft; the tab's own copy always can.
  const localKey = `cd:draft:${me}:${ticketId}`;
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
  /** After sending: the box empties and the draft is gone from the tab and the server. */
  const clear = () => {
    setRestored(false);
    savedBody.current = '';
    forgetLocal();
    setBody('');
    setEditorKey((k) => k + 1);
    void saveDraftAction(null, { serviceId, ticketId, body: '' }).catch(() => {});
  };
  return { body, setBody, editorKey, restored, dismissRestored: () => setRestored(false), draftState, clear };
}
