'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { regenerateHookTokenAction } from '@/app/[serviceId]/(desk)/settings/channels/actions';

/** The webhook URL to paste into Dooray, with copy and a confirmed token regeneration. */
export function DoorayHookUrl({ serviceId, url }: { serviceId: string; url: string }) {
  const t = useTranslations('channels.dooray');
  const toast = useToast();
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium text-slate-700" htmlFor="dooray-hook-url">{t('hookUrl')}</label>
      <div className="flex flex-wrap gap-2">
        <input id="dooray-hook-url" readOnly value={url} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="dooray-hook-url" />
        <Button variant="secondary" onClick={() => navigator.clipboard?.writeText(url).then(() => toast(t('copied')))}>{t('copy')}</Button>
        <Button variant="secondary" onClick={() => setConfirm(true)}>{t('regenerate')}</Button>
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t('regenerateTitle')}
        description={t('regenerateBody')}
        confirmLabel={t('regenerate')}
        pending={pending}
        onConfirm={() =>
          start(async () => {
            const r = await regenerateHookTokenAction(null, { serviceId });
            if (!r.ok) return toast(r.error, 'error');
            setConfirm(false);
            toast(t('regenerated'));
            router.refresh();
          })
        }
      />
    </div>
  );
}
