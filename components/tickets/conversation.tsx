import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { Paperclip } from 'lucide-react';
import type { MessageFormat, MessageKind } from '@/db/schema';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { cn } from '@/components/ui/cn';
import { ReplyMailState } from './reply-mail-state';

type Msg = {
  id: string;
  kind: MessageKind;
  body: string;
  format?: MessageFormat;
  createdAt: Date;
  author: string | null;
  files: { id: string; fileName: string; size: number }[];
  mail?: { deliveryId: string; state: 'queued' | 'sent' | 'failed'; attempts: number } | null;
};
const STYLE: Record<MessageKind, string> = {
  inquiry: 'border-slate-200 bg-white',
  customer_reply: 'border-slate-200 bg-white',
  agent_reply: 'border-brand-200 bg-brand-50/60 ml-8',
  internal_comment: 'border-amber-200 bg-amber-50 ml-8',
};

/** The ticket's messages, oldest first; text is shown as text, a rich reply as its HTML sanitized again on render. */
export async function Conversation({ serviceId, messages }: { serviceId: string; messages: Msg[] }) {
  const t = await getTranslations('tickets');
  const formatDate = await getFormatDate();
  return (
    <ol className="flex flex-col gap-3">
      {messages.map((m) => (
        <li key={m.id} className={cn('rounded-lg border p-4', STYLE[m.kind])} data-kind={m.kind}>
          <p className="mb-2 flex flex-wrap justify-between gap-2 text-xs text-slate-500">
            <span className="font-medium text-slate-700">
              {t(`kind.${m.kind}`)}
              {m.author ? ` · ${m.author}` : ''}
            </span>
            <time dateTime={m.createdAt.toISOString()}>{formatDate(m.createdAt, 'dateTime')}</time>
          </p>
          {m.format === 'html' ? (
            <div
              className="rich-text text-sm break-words text-slate-900"
              data-format="html"
              dangerouslySetInnerHTML={{ __html: sanitizeRichHtml(m.body) }}
            />
          ) : (
            <div className="text-sm break-words whitespace-pre-wrap text-slate-900">{m.body}</div>
          )}
          {m.files.length > 0 && (
            <ul className="mt-3 flex flex-wrap gap-2 text-xs">
              {m.files.map((f) => (
                <li key={f.id}>
                  <a
                    href={`/${serviceId}/attachments/${f.id}`}
                    className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50"
                  >
                    <Paperclip className="size-3" aria-hidden />
                    {f.fileName} ({Math.max(1, Math.round(f.size / 1024)).toLocaleString()} KB)
                  </a>
                </li>
              ))}
            </ul>
          )}
          {m.mail && <ReplyMailState serviceId={serviceId} mail={m.mail} />}
        </li>
      ))}
    </ol>
  );
}
