import { getTranslations } from 'next-intl/server';

/**
 * The loading state of the signed-in screens (their `loading.tsx`). Not at the app root: a
 * root Suspense boundary would keep the public help center on this spinner without
 * JavaScript (streamed content is revealed by script) and turn its 404s into 200s.
 */
export default async function PageLoading() {
  const t = await getTranslations('common');
  return (
    <div role="status" className="flex items-center gap-2 p-8 text-sm text-slate-500">
      <span className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden />
      {t('loading')}
    </div>
  );
}
