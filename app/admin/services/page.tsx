import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CreateServiceDialog } from '@/components/admin/create-service-dialog';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { listServicesWithCounts } from '@/db/queries/services';
import { requireOrgAdmin } from '@/lib/auth/require';
import { getDb } from '@/lib/db';

export default async function ServicesPage() {
  await requireOrgAdmin();
  const t = await getTranslations('admin.services');
  const format = await getFormatter();
  const rows = await listServicesWithCounts(getDb());
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} actions={<CreateServiceDialog />} />
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">{t('id')}</th>
                <th scope="col" className="px-4 py-2">{t('name')}</th>
                <th scope="col" className="px-4 py-2">{t('languages')}</th>
                <th scope="col" className="px-4 py-2">{t('editorType')}</th>
                <th scope="col" className="px-4 py-2">{t('agents')}</th>
                <th scope="col" className="px-4 py-2">{t('createdAt')}</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">{t('settings')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((s) => (
                <tr key={s.id}>
                  <td className="px-4 py-2 font-mono">{s.id}</td>
                  <td className="px-4 py-2"><Link href={`/${s.id}`} className="text-brand-700 hover:underline">{s.name}</Link></td>
                  <td className="px-4 py-2">{s.languages.map((l, i) => <span key={l} className="mr-1">{l}{i === 0 && <Badge>{t('defaultLanguage')}</Badge>}</span>)}</td>
                  <td className="px-4 py-2">{s.editorType.toUpperCase()}{s.smsEnabled && <span className="ml-2"><Badge tone="green">SMS</Badge></span>}</td>
                  <td className="px-4 py-2">{s.agents}</td>
                  <td className="px-4 py-2 text-slate-500">{format.dateTime(s.createdAt, { dateStyle: 'medium' })}</td>
                  <td className="px-4 py-2 text-right"><Link href={`/admin/services/${s.id}`} className="text-brand-700 hover:underline">{t('settings')}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
