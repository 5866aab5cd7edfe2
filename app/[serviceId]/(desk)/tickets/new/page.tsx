import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { categoryOptions } from '@/components/tickets/category-options';
import { CreateTicketForm } from '@/components/tickets/create-ticket-form';
import { requireService } from '@/lib/auth/require';
import { getCategoryTree } from '@/lib/categories/tree';
import { getDb } from '@/db';
import { resolveLayout } from '@/lib/field-layouts/resolve-layout';
import { isUuid } from '@/lib/ids';

/** 티켓 생성: pick the intake type (a GET form, so it works without JavaScript), then its customer-field layout. */
export default async function NewTicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<{ type?: string }>;
}) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId);
  const { type } = await searchParams;
  const db = getDb();
  const lang = await getLocale();
  const t = await getTranslations('tickets');
  const options = categoryOptions(await getCategoryTree(db, service.id, 'intake', lang));
  const chosen = isUuid(type) && options.some((o) => o.id === type) ? type : null;
  const layout = chosen ? await resolveLayout(db, service.id, 'customer', chosen) : null;
  const fields = (layout?.fields ?? []).filter((f) => f.visible && f.code !== 'category' && f.type !== 'file');
  return (
    <>
      <PageHeader title={t('create.title')} description={t('create.intro')} />
      <form className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="flex flex-col gap-1 text-sm">
          {t('col.intake')}
          <select
            name="type"
            defaultValue={chosen ?? ''}
            className="min-w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t('create.chooseType')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button className="h-10 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">
          {t('create.useType')}
        </button>
      </form>
      {options.length === 0 && <p className="text-sm text-slate-600">{t('create.noTypes')}</p>}
      {chosen && (
        <CreateTicketForm
          serviceId={service.id}
          intakeTypeId={chosen}
          lang={lang}
          defaultLang={service.languages[0] ?? 'ko'}
          fields={fields.map((f) => ({
            code: f.code,
            type: f.type,
            names: f.names,
            descriptions: f.descriptions,
            placeholders: f.placeholders,
            options: f.options,
            required: f.required,
            maxLength: f.maxLength,
          }))}
        />
      )}
    </>
  );
}
