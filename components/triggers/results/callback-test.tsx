'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { testCallbackAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { Button } from '@/components/ui/button';

type Shown = { status: number | null; body: string; error: string | null; latencyMs: number } | string | null;

/**
 * 테스트: a signed sample to the URL typed in or, when the admin keeps the saved one (the editor has
 * only its masked hint), to that saved callback, which the server finds by trigger and fingerprint.
 */
export function CallbackTest({
  serviceId,
  url,
  saved,
}: {
  serviceId: string;
  url: string;
  saved?: { triggerId: string; urlKey: string };
}) {
  const t = useTranslations('triggers.callback');
  const [pending, start] = useTransition();
  const [shown, setShown] = useState<Shown>(null);
  return (
    <div className="w-full">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending || (!url && !saved)}
        onClick={() =>
          start(async () => {
            const r = await testCallbackAction(null, url ? { serviceId, url } : { serviceId, url: '', ...saved });
            setShown(r.ok ? r.data : r.fieldErrors?.url?.join(' ') || r.error);
          })
        }
      >
        {t('test')}
      </Button>
      {shown !== null && (
        <div className="mt-2 rounded-md bg-slate-50 p-2 text-xs" role="status" data-testid="callback-test-result">
          {typeof shown === 'string' ? (
            shown
          ) : (
            <>
              <p>
                {shown.error
                  ? t('testFailed', { error: shown.error })
                  : t('testStatus', { status: shown.status ?? 0, ms: shown.latencyMs })}
              </p>
              {shown.body && (
                <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all">{shown.body}</pre>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
