'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { previewReplyAction, processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { checkBannedWordsAction } from '@/app/[serviceId]/(desk)/tickets/banned-word-actions';
import { BannedWordsDialog, type BannedWordMatch } from '@/components/banned-words/banned-words-dialog';
import { TemplatePicker } from '@/components/templates/template-picker';
import { useLive } from '@/components/live/live-desk';
import { ReplyEditor, useReplyTemplates } from './reply/reply-editor';
import { PreviewDialog, REPLY_ACTIONS, SendBar, type Preview, type ReplyAction } from './reply/send-bar';
import { useReplyDraft } from './reply/use-reply-draft';

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
  const toast = useToast();
  const router = useRouter();
  const [action, setAction] = useState<ReplyAction>(closed || spam ? 'comment' : 'solve');
  const [reason, setReason] = useState('');
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
  const { body, setBody, editorKey, restored, dismissRestored, draftState, clear } = useReplyDraft({
    serviceId,
    ticketId,
    me: live.me,
    draft,
  });
  const available = closed || spam ? (['comment'] as const) : REPLY_ACTIONS;
  const format = editorHtml ? 'html' : 'text';
  const templates = useReplyTemplates({ serviceId, ticketId, editorHtml, body, setBody, fail: setFormError });
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
      clear();
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
        <TemplatePicker serviceId={serviceId} ticketId={ticketId} onInsert={templates.insert} />
      </div>
      {restored && (
        <p
          role="status"
          data-testid="draft-restored"
          className="mb-2 flex items-center gap-3 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900"
        >
          {td('restored')}
          <button type="button" className="text-sky-800 underline" onClick={dismissRestored}>
            {td('dismiss')}
          </button>
        </p>
      )}
      <ReplyEditor
        editorHtml={editorHtml}
        editorKey={editorKey}
        body={body}
        setBody={setBody}
        templates={templates}
        onShortcut={onShortcut}
        errors={bodyErrors}
        placeholder={
          action === 'comment' || action === 'internal'
            ? t('process.commentPlaceholder')
            : hasEmail
              ? t('process.replyPlaceholder')
              : t('process.replyNoEmail')
        }
      />
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
      <SendBar
        action={action}
        setAction={setAction}
        available={available}
        reason={reason}
        setReason={setReason}
        reasonErrors={errors.reason}
        pending={pending}
        onPreview={showPreview}
        onSubmit={submit}
      />
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
      <PreviewDialog preview={preview} onClose={() => setPreview(null)} />
    </section>
  );
}
