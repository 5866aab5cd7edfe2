import { getTranslations } from 'next-intl/server';

/** 403 inside the service's app shell: the screen needs the service's admin role. */
export default async function Forbidden() {
  const t = await getTranslations('refusal');
  return (
    <section role="alert" className="mx-auto max-w-lg py-16 text-center" data-testid="forbidden">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">{t('adminTitle')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('adminBody')}</p>
    </section>
  );
}
