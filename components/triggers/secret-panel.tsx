'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { rotateSecretAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useFormatDate } from '@/lib/i18n/use-format-date';

/** The callback signing secret: made or rotated here and shown once, never again. */
export function SecretPanel({ serviceId, rotatedAt }: { serviceId: string; rotatedAt: string | null }) {
  const t = useTranslations('triggers.secret');
  const [secret, setSecret] = useState<string | null>(null);
  const formatDate = useFormatDate();
  // No refresh: the secret is shown once, here, until the admin leaves the page.
  const rotate = useConfirmedAction(
    () => rotateSecretAction(null, { serviceId }),
    (d) => void setSecret(d.secret),
    { refresh: false },
  );
  return (
    <section aria-labelledby="webhook-secret" className="space-y-2 rounded-md border border-slate-200 p-4">
      <h2 id="webhook-secret" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('help')}</p>
      <p className="text-xs text-slate-500">
        {rotatedAt ? t('rotatedAt', { time: formatDate(rotatedAt) }) : t('never')}
      </p>
      {secret ? (
        <div role="status" className="space-y-1 rounded-md bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-900">{t('showOnce')}</p>
          <code className="block break-all text-sm" data-testid="webhook-secret">
            {secret}
          </code>
        </div>
      ) : (
        <Button size="sm" variant="secondary" onClick={rotatedAt ? rotate.ask : rotate.run} disabled={rotate.pending}>
          {rotatedAt ? t('rotate') : t('create')}
        </Button>
      )}
      <ConfirmDialog {...rotate.dialog} title={t('rotate')} description={t('rotateBody')} confirmLabel={t('rotate')} />
    </section>
  );
}
