'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { regenerateHookTokenAction, revealHookUrlAction } from '@/app/[serviceId]/(desk)/settings/channels/actions';

/**
 * The webhook URL to paste into Dooray. It carries the token, so it is shown masked; 보기 and
 * 복사 fetch the whole URL from the server. Token regeneration is confirmed.
 */
export function DoorayHookUrl({ serviceId, masked }: { serviceId: string; masked: string }) {
  const t = useTranslations('channels.dooray');
  const toast = useToast();
  const [url, setUrl] = useState<string | null>(null);
  const regenerate = useConfirmedAction(
    () => regenerateHookTokenAction(null, { serviceId }),
    () => {
      setUrl(null);
      return t('regenerated');
    },
  );
  const reveal = async (): Promise<string | null> => {
    if (url) return url;
    const r = await revealHookUrlAction(null, { serviceId });
    if (!r.ok) {
      toast(r.error, 'error');
      return null;
    }
    setUrl(r.data.url);
    return r.data.url;
  };
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium text-slate-700" htmlFor="dooray-hook-url">
        {t('hookUrl')}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="dooray-hook-url"
          readOnly
          value={url ?? masked}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="dooray-hook-url"
        />
        {!url && (
          <Button variant="secondary" onClick={() => void reveal()}>
            {t('reveal')}
          </Button>
        )}
        <Button
          variant="secondary"
          onClick={() =>
            void reveal().then(async (u) => {
              if (u) await navigator.clipboard?.writeText(u).then(() => toast(t('copied')));
            })
          }
        >
          {t('copy')}
        </Button>
        <Button variant="secondary" onClick={regenerate.ask}>
          {t('regenerate')}
        </Button>
      </div>
      <ConfirmDialog
        {...regenerate.dialog}
        title={t('regenerateTitle')}
        description={t('regenerateBody')}
        confirmLabel={t('regenerate')}
      />
    </div>
  );
}
