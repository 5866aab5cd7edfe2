import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { CreateServiceDialog } from '@/components/admin/create-service-dialog';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { listServicesWithCounts } from '@/db/queries/services';
import { requireOrgAdmin } from '@/lib/auth/require';
import { getDb } from '@/db';
import { DataTable } from '@/components/ui/table';

export default async function ServicesPage() {
  await requireOrgAdmin();
  const t = await getTranslations('admin.services');
  const formatDate = await getFormatDate();
  const rows = await listServicesWithCounts(getDb());
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} actions={<CreateServiceDialog />} />
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <DataTable
          headers={[
            t('id'),
            t('name'),
            t('languages'),
            t('editorType'),
            t('agents'),
            t('createdAt'),
            { srOnly: t('settings') },
          ]}
        >
          {rows.map((s) => (
            <tr key={s.id}>
              <td className="px-4 py-2 font-mono">{s.id}</td>
              <td className="px-4 py-2">
                <Link href={`/${s.id}`} className="text-brand-700 hover:underline">
                  {s.name}
                </Link>
              </td>
              <td className="px-4 py-2">
                {s.languages.map((l, i) => (
                  <span key={l} className="mr-1">
                    {l}
                    {i === 0 && <Badge>{t('defaultLanguage')}</Badge>}
                  </span>
                ))}
              </td>
              <td className="px-4 py-2">
                {s.editorType.toUpperCase()}
                {s.smsEnabled && (
                  <span className="ml-2">
                    <Badge tone="green">SMS</Badge>
                  </span>
                )}
              </td>
              <td className="px-4 py-2">{s.agents}</td>
              <td className="px-4 py-2 text-slate-500">{formatDate(s.createdAt, 'date')}</td>
              <td className="px-4 py-2 text-right">
                <Link href={`/admin/services/${s.id}`} className="text-brand-700 hover:underline">
                  {t('settings')}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
