import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CategoryManager } from '@/components/categories/category-manager';
import { PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { CategoryKind } from '@/db/values';
import { requireService } from '@/lib/auth/require';
import { listCategoryTreeRows } from '@/db/queries/categories';
import { buildTree, packTree } from '@/lib/categories/tree-build';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@/lib/categories/xlsx-layout';
import { getDb } from '@/db';

type Search = Promise<{ tab?: string; lang?: string }>;

export default async function CategoriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Search;
}) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const sp = await searchParams;
  const kind: CategoryKind = sp.tab === 'processing' ? 'processing' : 'intake';
  const languages = service.languages;
  const lang = kind === 'intake' && sp.lang && languages.includes(sp.lang) ? sp.lang : languages[0];
  const t = await getTranslations('categories');
  // Packed into one string: the 5,000-category budget (lib/categories/tree-build.ts).
  const packedTree = packTree(buildTree(await listCategoryTreeRows(getDb(), service.id, kind), lang), languages[0]);
  const base = `/${service.id}/settings/categories`;
  const tabs: { kind: CategoryKind; label: string }[] = [
    { kind: 'intake', label: t('tabs.intake') },
    { kind: 'processing', label: t('tabs.processing') },
  ];
  return (
    <>
      <PageHeader
        title={t('title')}
        description={kind === 'intake' ? t('intakeDescription') : t('processingDescription')}
      />
      <nav aria-label={t('tabsLabel')} className="mb-4 flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <Link
            key={tab.kind}
            href={`${base}?tab=${tab.kind}`}
            aria-current={tab.kind === kind ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-4 py-2 text-sm font-medium',
              tab.kind === kind
                ? 'border-brand-600 text-brand-700'
                : 'border-transparent text-slate-600 hover:text-slate-900',
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {kind === 'intake' && languages.length > 1 && (
        <div className="mb-4 flex items-center gap-2 text-sm" role="group" aria-label={t('languageSwitch')}>
          <span className="text-slate-600">{t('languageSwitch')}:</span>
          {languages.map((l, i) => (
            <Link
              key={l}
              href={`${base}?tab=intake&lang=${l}`}
              aria-current={l === lang ? 'true' : undefined}
              className={cn(
                'rounded px-2 py-1',
                l === lang ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200',
              )}
            >
              {l}
              {i === 0 ? ` (${t('defaultLanguage')})` : ''}
            </Link>
          ))}
        </div>
      )}
      <CategoryManager
        key={`${kind}-${lang}`}
        serviceId={service.id}
        kind={kind}
        lang={lang}
        languages={kind === 'intake' ? languages : languages.slice(0, 1)}
        packed={packedTree}
        limits={{ mb: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS }}
      />
    </>
  );
}
