import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AddFieldButton } from '@/components/fields/add-field-button';
import { LayoutTab } from '@/components/fields/layout-tab';
import { FieldRowActions } from '@/components/fields/field-row-actions';
import type { FieldView } from '@/components/fields/types';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { CryptoProgress } from '@/components/fields/crypto-progress';
import { latestCryptoRuns } from '@/db/queries/field-crypto';
import { listFields } from '@/lib/fields/list-fields';
import { layoutsUsingFields } from '@/lib/field-layouts/layouts-using';
import { loadLayoutScreen } from '@/lib/field-layouts/layout-screen';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { DataTable } from '@/components/ui/table';

type Search = { audience?: string; tab?: string; intake?: string };

export default async function FieldsPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<Search>;
}) {
  const { serviceId } = await params;
  const sp = await searchParams;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const audience = sp.audience === 'agent' ? 'agent' : 'customer';
  const tab = sp.tab === 'layout' ? 'layout' : 'manage';
  const t = await getTranslations('fields');
  const rows = tab === 'manage' ? await listFields(getDb(), service.id, audience) : [];
  const usage =
    tab === 'manage' ? await layoutsUsingFields(getDb(), service.id, audience) : new Map<string, (string | null)[]>();
  const runs = tab === 'manage' ? await latestCryptoRuns(getDb(), service.id) : new Map();
  const screen = tab === 'layout' ? await loadLayoutScreen(getDb(), service, audience, sp.intake || null) : null;
  const lang = service.languages[0];
  const href = (p: Search) =>
    `/${service.id}/settings/fields?${new URLSearchParams({ audience, tab, ...p } as Record<string, string>)}`;
  const yes = (v: boolean) => (v ? t('yes') : t('no'));
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          tab === 'manage' ? (
            <AddFieldButton serviceId={service.id} languages={service.languages} audience={audience} />
          ) : undefined
        }
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav className="flex gap-1 border-b border-slate-200" aria-label={t('title')}>
          {(['layout', 'manage'] as const).map((k) => (
            <Link
              key={k}
              href={href({ tab: k })}
              aria-current={tab === k ? 'page' : undefined}
              className={cn(
                '-mb-px border-b-2 px-4 py-2 text-sm',
                tab === k
                  ? 'border-brand-600 font-medium text-brand-700'
                  : 'border-transparent text-slate-600 hover:text-slate-900',
              )}
            >
              {k === 'layout' ? t('tabLayout') : t('tabManage')}
            </Link>
          ))}
        </nav>
        <div className="flex gap-1 text-sm" role="group" aria-label={t('audience')}>
          {(['customer', 'agent'] as const).map((a) => (
            <Link
              key={a}
              href={href({ audience: a })}
              aria-current={audience === a ? 'true' : undefined}
              className={cn(
                'rounded-md px-3 py-1.5',
                audience === a ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700',
              )}
            >
              {a === 'customer' ? t('audienceCustomer') : t('audienceAgent')}
            </Link>
          ))}
        </div>
      </div>
      {screen ? (
        <LayoutTab service={service} audience={audience} screen={screen} href={(p) => href(p)} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <DataTable
          headers={[
            t('name'),
            t('code'),
            t('type'),
            t('required'),
            t('visible'),
            t('encrypted'),
            t('destroy'),
            { srOnly: t('edit') },
          ]}
        >
          {rows.map((f) => {
            const view: FieldView = {
              id: f.id,
              audience: f.audience,
              code: f.code,
              type: f.type,
              isSystem: f.isSystem,
              names: f.names,
              descriptions: f.descriptions,
              placeholders: f.placeholders,
              visible: f.visible,
              required: f.required,
              encrypted: f.encrypted,
              destroyAfterDays: f.destroyAfterDays,
              destroyBasis: f.destroyBasis,
              options: f.options,
              maxLength: f.maxLength,
              defaultValue: f.defaultValue ?? null,
            };
            const label = f.names[lang] ?? f.code;
            return (
              <tr key={f.id} data-testid={`field-${f.code}`}>
                <td className="px-3 py-2">
                  {label} <Badge tone={f.isSystem ? 'slate' : 'blue'}>{f.isSystem ? t('system') : t('custom')}</Badge>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{f.code}</td>
                <td className="px-3 py-2">{t(`types.${f.type}`)}</td>
                <td className="px-3 py-2">{yes(f.required)}</td>
                <td className="px-3 py-2">{yes(f.visible)}</td>
                <td className="px-3 py-2">
                  {f.encrypted ? <Badge tone="amber">{t('yes')}</Badge> : t('no')}
                  {runs.get(f.id) && <CryptoProgress run={runs.get(f.id)!} />}
                </td>
                <td className="px-3 py-2">
                  {f.destroyAfterDays
                    ? `${t('destroyDays', { days: f.destroyAfterDays })} · ${f.destroyBasis === 'created' ? t('basisCreated') : t('basisClosed')}`
                    : '—'}
                </td>
                <td className="px-3 py-2">
                  <FieldRowActions
                    serviceId={service.id}
                    languages={service.languages}
                    field={view}
                    label={label}
                    usedIn={(usage.get(f.id) ?? []).map((n) => n ?? t('layout.defaultForm'))}
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
