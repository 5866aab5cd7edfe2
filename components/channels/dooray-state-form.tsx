'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import { setDoorayStateAction } from '@/app/[serviceId]/(desk)/settings/channels/actions';

/** 이관 활성화 and 일시 중지, each saved as soon as it is switched. */
export function DoorayStateForm({
  serviceId,
  enabled,
  paused,
}: {
  serviceId: string;
  enabled: boolean;
  paused: boolean;
}) {
  const t = useTranslations('channels.dooray');
  const toast = useToast();
  const router = useRouter();
  const [state, setState] = useState({ enabled, paused });
  const [pending, start] = useTransition();
  const save = (next: { enabled: boolean; paused: boolean }) =>
    start(async () => {
      const r = await setDoorayStateAction(null, { serviceId, ...next });
      if (!r.ok) return toast(r.error, 'error');
      setState(next);
      toast(t('saved'));
      router.refresh();
    });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="space-y-1">
        <div className="flex items-center gap-3 text-sm font-medium text-slate-700">
          <Switch
            label={t('enabled')}
            checked={state.enabled}
            disabled={pending}
            onChange={(v) => save({ ...state, enabled: v })}
          />
          <span>{t('enabled')}</span>
        </div>
        <p className="text-xs text-slate-500">{t('enabledHelp')}</p>
      </div>
      <div className="space-y-1">
        <div className="flex items-center gap-3 text-sm font-medium text-slate-700">
          <Switch
            label={t('paused')}
            checked={state.paused}
            disabled={pending || !state.enabled}
            onChange={(v) => save({ ...state, paused: v })}
          />
          <span>{t('paused')}</span>
        </div>
        <p className="text-xs text-slate-500">{t('pausedHelp')}</p>
      </div>
    </div>
  );
}
