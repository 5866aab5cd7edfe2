import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import Link from 'next/link';
import { AddBannedWordsButton, BannedWordRowActions } from '@/components/banned-words/banned-word-actions';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { SearchForm } from '@/components/ui/search-form';
import { DataTable, Td } from '@/components/ui/table';
import { listBannedWords } from '@/db/queries/banned-words';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { parseTimeCursor } from '@/db/pagination';

export default async function BannedWordsPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<{ q?: string; after?: string }>;
}) {
  const { serviceId } = await params;
  const { q = '', after } = await searchParams;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const query = q.trim().slice(0, 100);
  const page = await listBannedWords(getDb(), {
    serviceId: service.id,
    q: query || undefined,
    after: parseTimeCursor(after),
  });
  const t = await getTranslations('bannedWords');
  const tc = await getTranslations('common');
  const formatDate = await getFormatDate();
  const base = `/${service.id}/settings/banned-words`;
  const qs = (extra: Record<string, string>) =>
    `${base}?${new URLSearchParams({ ...(query ? { q: query } : {}), ...extra })}`;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={<AddBannedWordsButton serviceId={service.id} />}
      />
      <p
        className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700"
        data-testid="banned-word-rule"
      >
        {t('rule')}
      </p>
      <SearchForm q={query} placeholder={t('search')} label={tc('search')} />
      {page.rows.length === 0 ? (
        <EmptyState title={query ? t('noResults') : t('empty')} />
      ) : (
        <DataTable headers={[t('word'), t('createdAt'), { srOnly: tc('actions') }]}>
          {page.rows.map((w) => (
            <tr key={w.id} data-testid={`banned-word-${w.word}`}>
              <Td className="font-medium whitespace-pre-wrap">{w.word}</Td>
              <Td className="text-slate-500">{formatDate(w.createdAt, 'date')}</Td>
              <Td>
                <BannedWordRowActions serviceId={service.id} word={{ id: w.id, word: w.word }} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-4 flex gap-3 text-sm">
        {after && (
          <Link className="text-brand-700 hover:underline" href={qs({})}>
            {t('first')}
          </Link>
        )}
        {page.next && (
          <Link className="text-brand-700 hover:underline" href={qs({ after: page.next })}>
            {t('next')}
          </Link>
        )}
      </div>
    </>
  );
}
