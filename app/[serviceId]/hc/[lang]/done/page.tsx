import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db';
import { readReceipt } from '@/lib/helpcenter/read-receipt';
import { loadHelpcenter } from '@/lib/helpcenter/site';
import { helpcenterTranslator } from '@/lib/i18n/helpcenter';

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString()} KB`;

/** The confirmation page: the ticket number, reachable only with the signed receipt. */
export default async function HelpcenterDone({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string; lang: string }>;
  searchParams: Promise<{ r?: string; m?: string }>;
}) {
  const { serviceId, lang } = await params;
  const { r, m } = await searchParams;
  const db = getDb();
  const hc = await loadHelpcenter(db, serviceId, lang);
  if (!hc) notFound();
  const t = helpcenterTranslator(hc.locale);
  const receipt = await readReceipt(db, hc.service.id, r);
  const again = (
    <Link
      href={`/${hc.service.id}/hc/${lang}`}
      className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline"
    >
      {t('helpcenter.done.again')}
    </Link>
  );
  if (!receipt) {
    return (
      <EmptyState title={t('helpcenter.done.expiredTitle')}>
        {t('helpcenter.done.expiredBody')}
        <div>{again}</div>
      </EmptyState>
    );
  }
  return (
    <Card>
      <h1 className="text-xl font-semibold text-slate-900">{t('helpcenter.done.title')}</h1>
      <p className="mt-4 text-sm text-slate-600">{t('helpcenter.done.number')}</p>
      <p className="text-3xl font-bold text-brand-700" data-testid="ticket-number">
        {receipt.number}
      </p>
      <p className="mt-4 text-sm text-slate-700">{t('helpcenter.done.body')}</p>
      {m === '1' && <p className="mt-2 text-sm text-green-700">{t('helpcenter.done.mailSent')}</p>}
      <dl className="mt-6 space-y-3 text-sm">
        <div>
          <dt className="font-medium text-slate-600">{t('helpcenter.done.subject')}</dt>
          <dd className="break-words text-slate-900">{receipt.subject}</dd>
        </div>
        {receipt.attachments.length > 0 && (
          <div>
            <dt className="font-medium text-slate-600">{t('helpcenter.done.attachments')}</dt>
            <dd>
              <ul className="mt-1 space-y-1">
                {receipt.attachments.map((a) => (
                  <li key={a.id}>
                    <a
                      href={`/${hc.service.id}/attachments/${a.id}?token=${a.token}`}
                      className="text-brand-600 hover:underline"
                      download
                    >
                      {a.fileName}
                    </a>{' '}
                    <span className="text-xs text-slate-500">({kb(a.size)})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {again}
    </Card>
  );
}
