import { getLocale, getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import Link from 'next/link';
import { AddTemplateButton, TemplateRowActions } from '@/components/templates/template-actions';
import { TemplateLinkTab } from '@/components/templates/template-link-tab';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { DataTable, Td } from '@/components/ui/table';
import { LinkTabs } from '@/components/ui/tabs';
import { searchTemplates } from '@/db/queries/templates';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { canEditTemplate } from '@/lib/templates/can-edit';
import { templateSearchInput } from '@/lib/templates/schemas';
import { loadTemplateScreen } from './load';

type Search = { tab?: string; scope?: string; title?: string; searchCode?: string; content?: string; after?: string };

export default async function TemplatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<Search>;
}) {
  const { serviceId } = await params;
  const sp = await searchParams;
  const access = await requireService(serviceId, { role: 'admin' });
  const { service } = access;
  const db = getDb();
  const t = await getTranslations('templates');
  const tc = await getTranslations('common');
  const formatDate = await getFormatDate();
  const { types, codes } = await loadTemplateScreen(db, service.id, await getLocale());
  const base = `/${service.id}/settings/templates`;
  const tab = sp.tab === 'link' ? 'link' : 'register';
  const shared = { serviceId: service.id, editorType: service.editorType, codes, types };
  const header = (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={tab === 'register' ? <AddTemplateButton {...shared} /> : undefined}
      />
      <LinkTabs
        label={t('title')}
        current={tab}
        tabs={[
          { id: 'register', href: base, label: t('tabRegister') },
          { id: 'link', href: `${base}?tab=link`, label: t('tabLink') },
        ]}
      />
    </>
  );
  if (tab === 'link') {
    return (
      <>
        {header}
        <TemplateLinkTab {...shared} />
      </>
    );
  }

  const parsed = templateSearchInput.safeParse({
    scope: sp.scope || 'all',
    title: sp.title,
    searchCode: sp.searchCode,
    content: sp.content,
    after: sp.after,
  });
  const search = parsed.success ? parsed.data : templateSearchInput.parse({});
  const page = await searchTemplates(db, service.id, search);
  const ctx = { member: access.session.member, service, role: access.role };
  const filtered = search.scope !== 'all' || search.title || search.searchCode || search.content;
  const qs = (after?: string) => {
    const p = new URLSearchParams();
    for (const k of ['scope', 'title', 'searchCode', 'content'] as const)
      if (search[k] && search[k] !== 'all') p.set(k, search[k]);
    if (after) p.set('after', after);
    return `${base}?${p}`;
  };
  const input = 'rounded-md border border-slate-300 px-3 py-2 text-sm';
  return (
    <>
      {header}
      <form
        role="search"
        className="mb-4 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
      >
        <label className="text-xs text-slate-600">
          {t('scope')}
          <select name="scope" defaultValue={search.scope} className={`mt-1 block ${input}`}>
            <option value="all">{t('scopeAll')}</option>
            <option value="service">{t('scopeService')}</option>
            <option value="shared">{t('scopeShared')}</option>
          </select>
        </label>
        <label className="text-xs text-slate-600">
          {t('titleLabel')}
          <input name="title" defaultValue={search.title} maxLength={100} className={`mt-1 block ${input}`} />
        </label>
        <label className="text-xs text-slate-600">
          {t('searchCode')}
          <input
            name="searchCode"
            defaultValue={search.searchCode}
            maxLength={20}
            className={`mt-1 block w-32 ${input}`}
          />
        </label>
        <label className="text-xs text-slate-600">
          {t('content')}
          <input name="content" defaultValue={search.content} maxLength={200} className={`mt-1 block ${input}`} />
        </label>
        <button className="rounded-md bg-brand-600 px-3 py-2 text-sm text-white hover:bg-brand-700">
          {t('search')}
        </button>
        {filtered && (
          <Link href={base} className="px-2 py-2 text-sm text-slate-600 hover:underline">
            {t('reset')}
          </Link>
        )}
      </form>
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? t('noResults') : t('empty')} />
      ) : (
        <DataTable
          headers={[
            t('scope'),
            t('titleLabel'),
            t('searchCode'),
            t('links'),
            t('useCount'),
            t('createdAt'),
            { srOnly: tc('actions') },
          ]}
        >
          {page.rows.map((r) => {
            const row = { ...r, createdAt: r.createdAt.toISOString(), editable: canEditTemplate(ctx, r) };
            return (
              <tr key={r.id} data-testid={`template-${r.title}`}>
                <Td>
                  <Badge tone={r.scope === 'shared' ? 'blue' : 'slate'}>
                    {r.scope === 'shared' ? t('scopeShared') : t('scopeService')}
                  </Badge>
                </Td>
                <Td className="font-medium">{r.title}</Td>
                <Td className="font-mono text-xs">{r.searchCode ?? ''}</Td>
                <Td className="text-xs text-slate-600">{r.links.map((l) => l.name).join(', ')}</Td>
                <Td>{r.useCount}</Td>
                <Td className="text-slate-500">{formatDate(r.createdAt, 'date')}</Td>
                <Td>
                  <TemplateRowActions {...shared} template={row} />
                </Td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <div className="mt-4 flex gap-3 text-sm">
        {search.after && (
          <Link className="text-brand-700 hover:underline" href={qs()}>
            {tc('back')}
          </Link>
        )}
        {page.next && (
          <Link className="text-brand-700 hover:underline" href={qs(page.next)}>
            {t('more')}
          </Link>
        )}
      </div>
    </>
  );
}
