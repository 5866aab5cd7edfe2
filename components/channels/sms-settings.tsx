'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormError, SelectField, TextField } from '@/components/ui/field';
import { useSavingFormAction } from '@/components/ui/use-form-action';
import { useToast } from '@/components/ui/toast';
import {
  saveAllowedSendersAction,
  saveSmsConfigAction,
  testSmsConfigAction,
} from '@/app/[serviceId]/(desk)/settings/channels/actions';

type Config = {
  apiVersion: 'v2.4' | 'v3.0';
  apiBaseUrl: string;
  registeredSenders: string[];
  allowedSenders: string[];
} | null;

/** The SMS key form (validated by the provider on save), 연결 테스트 and the allowed sender numbers. */
export function SmsSettings({ serviceId, config }: { serviceId: string; config: Config }) {
  const t = useTranslations('channels.sms');
  const toast = useToast();
  const router = useRouter();
  const [version, setVersion] = useState(config?.apiVersion ?? 'v3.0');
  const [testing, start] = useTransition();
  const key = useSavingFormAction(saveSmsConfigAction, (data) => {
    toast(t('saved', { detail: data.senders.length }));
  });
  const senders = useSavingFormAction(saveAllowedSendersAction, () => {
    toast(t('sendersSaved'));
  });
  const test = () =>
    start(async () => {
      const r = await testSmsConfigAction(null, { serviceId });
      if (!r.ok) return toast([r.error, ...Object.values(r.fieldErrors ?? {}).flat()].join(' '), 'error');
      toast(t('testOk', { detail: r.data.senders, ms: r.data.latencyMs }));
      router.refresh();
    });
  return (
    <div className="space-y-6">
      <form onSubmit={key.onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label={t('title')}>
        <input type="hidden" name="serviceId" value={serviceId} />
        <SelectField
          name="apiVersion"
          label={t('apiVersion')}
          value={version}
          onChange={(e) => setVersion(e.target.value as 'v3.0')}
          errors={key.fieldErrors?.apiVersion}
        >
          <option value="v3.0">v3.0</option>
          <option value="v2.4">v2.4</option>
        </SelectField>
        <TextField
          name="apiBaseUrl"
          label={t('apiBaseUrl')}
          defaultValue={config?.apiBaseUrl}
          placeholder="https://sms.api.nhncloudservice.com"
          help={t('apiBaseUrlHelp')}
          errors={key.fieldErrors?.apiBaseUrl}
        />
        <TextField
          name="appKey"
          type="password"
          autoComplete="off"
          label={t('appKey')}
          required={!config}
          help={config ? t('appKeyKeep') : undefined}
          errors={key.fieldErrors?.appKey}
        />
        {version === 'v3.0' && (
          <TextField
            name="secretKey"
            type="password"
            autoComplete="off"
            label={t('secretKey')}
            help={config ? t('appKeyKeep') : t('secretKeyHelp')}
            errors={key.fieldErrors?.secretKey}
          />
        )}
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
          <FormError message={key.formError} />
          <Button type="submit" disabled={key.pending}>
            {t('save')}
          </Button>
          {config && (
            <Button variant="secondary" onClick={test} disabled={testing}>
              {t('test')}
            </Button>
          )}
        </div>
      </form>
      {config && (
        <form onSubmit={senders.onSubmit} className="space-y-2" aria-label={t('senders')}>
          <input type="hidden" name="serviceId" value={serviceId} />
          <h3 className="text-sm font-semibold">{t('senders')}</h3>
          <p className="text-xs text-slate-500">{t('sendersHelp')}</p>
          {config.registeredSenders.length === 0 ? (
            <p className="text-sm text-slate-500">{t('sendersNone')}</p>
          ) : (
            <div className="grid gap-1 sm:grid-cols-3">
              {config.registeredSenders.map((s) => (
                <CheckboxField
                  key={s}
                  name="senders"
                  value={s}
                  label={s}
                  defaultChecked={config.allowedSenders.includes(s)}
                />
              ))}
            </div>
          )}
          {senders.fieldErrors?.senders?.map((m) => (
            <p key={m} role="alert" className="text-xs text-red-600">
              {m}
            </p>
          ))}
          <FormError message={senders.formError} />
          <Button type="submit" variant="secondary" disabled={senders.pending || config.registeredSenders.length === 0}>
            {t('sendersSave')}
          </Button>
        </form>
      )}
    </div>
  );
}
