'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { saveApiSettingsAction } from '@/app/[serviceId]/(desk)/settings/auth/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';

/** Open API 활성화, 접속 IP (CIDR allow-list) and the per-key rate limit. */
export function ApiSettingsForm({ serviceId, settings }: { serviceId: string; settings: { enabled: boolean; allowedCidrs: string[]; rateLimitPerMinute: number } }) {
  const t = useTranslations('apiAuth');
  const tc = useTranslations('common');
  const [enabled, setEnabled] = useState(settings.enabled);
  const toast = useToast();
  const router = useRouter();
  const id = useId();
  const { pending, onSubmit, fieldErrors: fe, formError } = useFormAction(async (prev: unknown, fd: FormData) => {
    const r = await saveApiSettingsAction(prev, fd);
    if (r.ok) {
      toast(t('saved'));
      router.refresh();
    }
    return r;
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="enabled" value={enabled ? 'true' : 'false'} />
      <div className="flex items-center gap-3">
        <span className="text-sm font-medium text-slate-700">{t('enabled')}</span>
        <Switch checked={enabled} onChange={setEnabled} label={t('enabled')} />
      </div>
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">{t('cidrs')}</label>
        <textarea
          id={id}
          name="cidrs"
          rows={4}
          defaultValue={settings.allowedCidrs.join('\n')}
          placeholder="203.0.113.0/24"
          aria-invalid={Boolean(fe?.cidrs?.length) || undefined}
          aria-describedby={`${id}-help`}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          data-testid="api-cidrs"
        />
        <p id={`${id}-help`} className="text-xs text-slate-500">{t('cidrsHelp')}</p>
        {fe?.cidrs?.map((e) => <p key={e} role="alert" className="text-xs text-red-600">{e}</p>)}
      </div>
      <TextField name="rateLimitPerMinute" type="number" min={1} label={t('rateLimit')} help={t('rateLimitHelp')} defaultValue={settings.rateLimitPerMinute} errors={fe?.rateLimitPerMinute} />
      <FormError message={fe?.cidrs || fe?.rateLimitPerMinute ? null : formError} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
      </div>
    </form>
  );
}
