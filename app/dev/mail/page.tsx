import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requireDevPage } from '@/lib/dev/access';
import { listDevMails } from '@/lib/mail/dev-outbox';

export const dynamic = 'force-dynamic';

// Org admins only, and only while the dev surface is on (lib/dev/access.ts).
export default async function DevMailPage() {
  await requireDevPage();
  const mails = await listDevMails();
  const t = await getTranslations('devMail');
  const format = await getFormatter();
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <PageHeader title={t('title')} description={t('intro')} />
      {mails.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {mails.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mail/${m.id}`} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-slate-50">
                <span className="font-medium text-slate-900">{m.subject}</span>
                <span className="text-xs text-slate-500">{m.to} · {format.dateTime(m.date, { dateStyle: 'short', timeStyle: 'medium' })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
