import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { Badge } from '@/components/ui/card';
import type { ticketSmsMessages } from '@/db/queries/sms';

/** SMS 발송 내역 of a ticket (history tab): type, numbers, state, the provider's request id and result. */
export async function SmsHistory({
  ticketId,
  rows,
}: {
  ticketId: string;
  rows: Awaited<ReturnType<typeof ticketSmsMessages>>;
}) {
  if (!rows.length) return null;
  const t = await getTranslations('channels.sms');
  const formatDate = await getFormatDate();
  return (
    <section aria-labelledby={`sms-${ticketId}`} className="space-y-2">
      <h3 id={`sms-${ticketId}`} className="text-sm font-semibold">
        {t('historyTitle')}
      </h3>
      <ul className="space-y-2">
        {rows.map((m) => {
          // A message whose delivery gave up is failed even if no answer was recorded.
          const state =
            m.state === 'pending' && (m.delivery === 'dead' || m.delivery === 'disabled') ? 'failed' : m.state;
          return (
            <li
              key={m.id}
              className="rounded-md border border-slate-200 p-3 text-sm"
              data-testid="sms-row"
              data-state={state}
            >
              <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={state === 'sent' ? 'green' : state === 'failed' ? 'red' : 'amber'}>
                    {t(`state.${state}`)}
                  </Badge>
                  <span className="font-medium text-slate-700">{m.type.toUpperCase()}</span>
                  <span>
                    {m.senderNo} → {m.recipientMasked}
                  </span>
                  {m.memberName && <span>· {m.memberName}</span>}
                  {m.requestId && (
                    <span data-testid="sms-request-id">· {t('requestId', { requestId: m.requestId })}</span>
                  )}
                  {m.resultMessage && (
                    <span>
                      · {m.resultCode} {m.resultMessage}
                    </span>
                  )}
                </span>
                <time dateTime={m.createdAt.toISOString()}>{formatDate(m.createdAt)}</time>
              </div>
              {m.title && <p className="mt-1 font-medium">{m.title}</p>}
              <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
