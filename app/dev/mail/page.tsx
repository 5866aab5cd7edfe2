import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requireDevPage } from '@/lib/dev/access';
import { listDevMails } from '@/lib/mail/dev-outbox';

export const dynamic = 'force-dynamic';

// Org admins only, and only while the dev surface is on (lib/dev/access.ts).
export default async function DevMailPage() {
  await requireDevPage();
  const mails = await listDevMails();
  const t = await getTranslations('devMail');
  const formatDate = await getFormatDate();
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <PageHeader title={t('title')} description={t('intro')} />
      {mails.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {mails.map((m) => (
            <li key={m.id}>
              <Link
                href={`/dev/mail/${m.id}`}
                className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-slate-50"
              >
                <span className="font-medium text-slate-900">{m.subject}</span>
                <span className="text-xs text-slate-500">
                  {m.to} · {formatDate(m.date, 'dateTimeSeconds')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
