import { notFound } from 'next/navigation';
import { InquiryForm } from '@/components/helpcenter/inquiry-form';
import { TypePicker } from '@/components/helpcenter/type-picker';
import { Card, EmptyState } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { MAX_ATTACHMENTS } from '@/lib/attachments/limits';
import { getDb } from '@/db';
import { resolveLayout } from '@/lib/field-layouts/resolve-layout';
import { flattenTree, loadHelpcenter, offeredIntakeTypes } from '@/lib/helpcenter/site';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { helpcenterTranslator } from '@/lib/i18n/helpcenter';

export default async function HelpcenterPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string; lang: string }>;
  searchParams: Promise<{ type?: string | string[]; error?: string | string[] }>;
}) {
  const { serviceId, lang } = await params;
  const { type, error } = await searchParams;
  const db = getDb();
  const hc = await loadHelpcenter(db, serviceId, lang);
  if (!hc) notFound();
  const t = helpcenterTranslator(hc.locale);
  const tree = await offeredIntakeTypes(db, hc.service.id, lang);
  const chosen = typeof type === 'string' ? (flattenTree(tree).find((n) => n.id === type) ?? null) : null;
  const layout = chosen ? await resolveLayout(db, hc.service.id, 'customer', chosen.id) : null;
  const fields = (layout?.fields ?? [])
    .filter((f) => f.visible && f.code !== 'category')
    .map((f) => ({
      code: f.code,
      type: f.type,
      names: f.names,
      descriptions: f.descriptions,
      placeholders: f.placeholders,
      options: f.options,
      required: f.required,
      maxLength: f.maxLength,
    }));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('helpcenter.inquiryHeading')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('helpcenter.intro')}</p>
      </div>
      {error === 'tooLarge' && <FormError message={t('helpcenter.errors.tooLargeBody')} />}
      {tree.length === 0 ? (
        <EmptyState title={t('helpcenter.noTypes')}>{t('helpcenter.noTypesBody')}</EmptyState>
      ) : (
        <>
          <Card>
            <TypePicker
              action={`/${hc.service.id}/hc/${lang}`}
              tree={tree}
              chosen={chosen?.id ?? null}
              legend={t('helpcenter.typeLegend')}
              submit={t('helpcenter.typeChoose')}
            />
          </Card>
          {chosen ? (
            <Card>
              <h2 className="mb-4 text-base font-semibold text-slate-900">
                {t('helpcenter.typeChosen', { name: chosen.label })}
              </h2>
              <InquiryForm
                key={chosen.id}
                serviceId={hc.service.id}
                lang={lang}
                defaultLang={hc.defaultLang}
                token={issueFormToken(hc.service.id)}
                intakeTypeId={chosen.id}
                fields={fields}
                labels={{
                  submit: t('helpcenter.submit'),
                  submitting: t('helpcenter.submitting'),
                  attachHint: t('helpcenter.attachHint', { max: MAX_ATTACHMENTS }),
                  attachAgain: t('helpcenter.attachAgain'),
                  tooLarge: t('attachment.tooLarge'),
                  tooMany: t('attachment.tooMany', { max: MAX_ATTACHMENTS }),
                }}
              />
            </Card>
          ) : (
            <p className="text-sm text-slate-600">{t('helpcenter.pickFirst')}</p>
          )}
        </>
      )}
    </div>
  );
}
