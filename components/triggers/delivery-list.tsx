import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { Badge } from '@/components/ui/card';
import type { DeliveryRow } from '@/db/queries/triggers';
import { deliveryErrorMessage } from '@/lib/triggers/deliveries/error-text';
import { RetryButton } from './retry-button';

const TONE = { pending: 'amber', delivered: 'green', dead: 'red', disabled: 'slate' } as const;

/** Deliveries with their attempts (time, status, latency, error class, start of the answer) and 재시도 for dead ones. */
export async function DeliveryList({
  serviceId,
  rows,
  showTrigger,
}: {
  serviceId: string;
  rows: DeliveryRow[];
  showTrigger?: boolean;
}) {
  const t = await getTranslations('triggers.deliveries');
  const tt = await getTranslations('triggers');
  const formatDate = await getFormatDate();
  const tl = await getTranslations('deliveryLog');
  const errorText = (cls: string) => {
    const m = deliveryErrorMessage(cls);
    return tl(m.key as 'error.other', m.params as { code: string });
  };
  if (!rows.length) return <p className="text-sm text-slate-500">{t('empty')}</p>;
  return (
    <ul className="space-y-2" data-testid="delivery-list">
      {rows.map((d) => (
        <li key={d.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid={`delivery-${d.kind}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[d.status]}>{t(`status.${d.status}`)}</Badge>
            <span className="font-medium">{tt(`deliveryKinds.${d.kind}`)}</span>
            <span className="text-slate-600">→ {d.target}</span>
            {showTrigger && <span className="text-slate-500">· {d.triggerTitle}</span>}
            <span className="text-xs text-slate-500">{formatDate(d.createdAt, 'dateTimeSeconds')}</span>
            <span className="text-xs text-slate-500">{t('attempts', { count: d.attempts })}</span>
            {d.status === 'pending' && d.attempts > 0 && (
              <span className="text-xs text-slate-500">
                {t('nextAt', { time: formatDate(d.nextAttemptAt, 'dateTimeSeconds') })}
              </span>
            )}
            <code className="text-xs text-slate-400">{d.id}</code>
            {(d.status === 'dead' || d.status === 'disabled') && (
              <span className="ml-auto">
                <RetryButton serviceId={serviceId} deliveryId={d.id} />
              </span>
            )}
          </div>
          {d.attemptLog.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-xs text-slate-600">{t('attemptLog')}</summary>
              <table className="mt-1 w-full text-xs">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="pr-2 font-normal">{t('at')}</th>
                    <th className="pr-2 font-normal">{t('httpStatus')}</th>
                    <th className="pr-2 font-normal">{t('latency')}</th>
                    <th className="pr-2 font-normal">{t('error')}</th>
                    <th className="font-normal">{t('response')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.attemptLog.map((a, i) => (
                    <tr key={i} className="align-top">
                      <td className="pr-2">{formatDate(a.at, 'timeSeconds')}</td>
                      <td className="pr-2">{a.httpStatus ?? '—'}</td>
                      <td className="pr-2">{a.latencyMs} ms</td>
                      <td className="pr-2" title={a.errorClass ?? undefined}>
                        {a.errorClass ? errorText(a.errorClass) : '—'}
                      </td>
                      <td>
                        <pre className="max-h-24 max-w-md overflow-auto whitespace-pre-wrap break-all">
                          {a.response ?? ''}
                        </pre>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
