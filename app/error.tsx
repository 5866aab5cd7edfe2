'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  const ts = useTranslations('security');
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">{t('errorTitle')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('errorBody')}</p>
      {/* Next logs the same digest beside the error on the server, so a report can be matched. */}
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-500">{ts('digest', { code: error.digest })}</p>}
      <Button className="mt-6" onClick={reset}>
        {t('retry')}
      </Button>
    </main>
  );
}
