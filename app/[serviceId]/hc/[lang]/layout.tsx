import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { loadHelpcenter } from '@/lib/helpcenter/site';
import { helpcenterTranslator } from '@/lib/i18n/helpcenter';

// The public help center (SPEC §3): no agent shell and no session; every language of the
// service has its pages, anything else is a 404.
export default async function HelpcenterLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ serviceId: string; lang: string }>;
}) {
  const { serviceId, lang } = await params;
  const hc = await loadHelpcenter(getDb(), serviceId, lang);
  if (!hc) notFound();
  const t = helpcenterTranslator(hc.locale);
  const languages = hc.service.languages;
  return (
    <div lang={lang} className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-4">
          <Link href={`/${hc.service.id}/hc/${lang}`} className="text-lg font-semibold text-slate-900">
            {t('helpcenter.title', { service: hc.service.name })}
          </Link>
          {languages.length > 1 && (
            <nav aria-label={t('helpcenter.language')}>
              <ul className="flex flex-wrap gap-1 text-sm">
                {languages.map((l) => (
                  <li key={l}>
                    <Link
                      href={`/${hc.service.id}/hc/${l}`}
                      hrefLang={l}
                      aria-current={l === lang ? 'page' : undefined}
                      className={
                        l === lang
                          ? 'rounded bg-brand-600 px-2 py-1 font-medium text-white'
                          : 'rounded px-2 py-1 text-slate-700 hover:bg-slate-100'
                      }
                    >
                      {l}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-8">{children}</main>
    </div>
  );
}
