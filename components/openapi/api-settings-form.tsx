'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { saveApiSettingsAction } from '@/app/[serviceId]/(desk)/settings/auth/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextareaField, TextField } from '@/components/ui/field';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import { useSavingFormAction } from '@/components/ui/use-form-action';

/** Open API 활성화, 접속 IP (CIDR allow-list) and the per-key rate limit. */
export function ApiSettingsForm({
  serviceId,
  settings,
}: {
  serviceId: string;
  settings: { enabled: boolean; allowedCidrs: string[]; rateLimitPerMinute: number };
}) {
  const t = useTranslations('apiAuth');
  const tc = useTranslations('common');
  const [enabled, setEnabled] = useState(settings.enabled);
  const toast = useToast();
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(saveApiSettingsAction, () => {
    toast(t('saved'));
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="enabled" value={enabled ? 'true' : 'false'} />
      <div className="flex items-center gap-3">
        <span className="text-sm font-medium text-slate-700">{t('enabled')}</span>
        <Switch checked={enabled} onChange={setEnabled} label={t('enabled')} />
      </div>
      <TextareaField
        name="cidrs"
        label={t('cidrs')}
        help={t('cidrsHelp')}
        errors={fe?.cidrs}
        rows={4}
        defaultValue={settings.allowedCidrs.join('\n')}
        placeholder="203.0.113.0/24"
        className="font-mono"
        data-testid="api-cidrs"
      />
      <TextField
        name="rateLimitPerMinute"
        type="number"
        min={1}
        label={t('rateLimit')}
        help={t('rateLimitHelp')}
        defaultValue={settings.rateLimitPerMinute}
        errors={fe?.rateLimitPerMinute}
      />
      <FormError message={fe?.cidrs || fe?.rateLimitPerMinute ? null : formError} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
