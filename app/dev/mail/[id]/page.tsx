import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireDevPage } from '@/lib/dev/access';
import { readDevMail } from '@/lib/mail/dev-outbox';

export const dynamic = 'force-dynamic';

const URL_RE = /(https?:\/\/[^\s<>"]+)/g;

// Org admins only, and only while the dev surface is on (lib/dev/access.ts).
export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireDevPage();
  const { id } = await params;
  const mail = await readDevMail(id);
  if (!mail) notFound();
  const t = await getTranslations('devMail');
  const tc = await getTranslations('common');
  const links = [...new Set(mail.text.match(URL_RE) ?? [])];
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <Link href="/dev/mail" className="text-sm text-brand-700 hover:underline">
        ← {tc('back')}
      </Link>
      <h1 className="mt-2 text-xl font-semibold">{mail.subject}</h1>
      <dl className="mt-3 grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-500">{t('from')}</dt>
        <dd>{mail.from}</dd>
        <dt className="text-slate-500">{t('to')}</dt>
        <dd>{mail.to}</dd>
        {Object.entries(mail.headers).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="font-mono text-xs break-all">{v}</dd>
          </div>
        ))}
      </dl>
      <pre className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm whitespace-pre-wrap">
        {mail.text}
      </pre>
      {links.length > 0 && (
        <section className="mt-4">
          <h2 className="text-sm font-medium text-slate-700">{t('links')}</h2>
          <ul className="mt-1 space-y-1 text-sm">
            {links.map((l) => (
              <li key={l}>
                <a href={l} className="break-all text-brand-700 hover:underline">
                  {l}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
