'use client';

import { useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useSavingFormAction } from '@/components/ui/use-form-action';
import { useToast } from '@/components/ui/toast';
import {
  registerDoorayOrgAction,
  testDoorayConnectionAction,
} from '@/app/[serviceId]/(desk)/settings/channels/actions';

type Org = { name: string; doorayOrgId: string; apiBaseUrl: string } | null;

/** 조직 등록 / 수정 (the tenant token is never shown back) and 연결 테스트. */
export function DoorayOrgForm({ serviceId, org }: { serviceId: string; org: Org }) {
  const t = useTranslations('channels.dooray');
  const toast = useToast();
  const { pending, onSubmit, fieldErrors, formError } = useSavingFormAction(registerDoorayOrgAction, (data) => {
    toast(t('orgSaved', { agents: data.agents, matched: data.matched }));
  });
  const [testing, start] = useTransition();
  const test = () =>
    start(async () => {
      const r = await testDoorayConnectionAction(null, { serviceId });
      if (!r.ok) return toast([r.error, ...Object.values(r.fieldErrors ?? {}).flat()].join(' '), 'error');
      toast(t('testOk', { ms: r.data.latencyMs }));
    });
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label={org ? t('orgEdit') : t('orgRegister')}>
      <input type="hidden" name="serviceId" value={serviceId} />
      <TextField
        name="name"
        label={t('orgName')}
        defaultValue={org?.name}
        required
        maxLength={100}
        errors={fieldErrors?.name}
      />
      <TextField
        name="doorayOrgId"
        label={t('orgId')}
        defaultValue={org?.doorayOrgId}
        required
        maxLength={64}
        errors={fieldErrors?.doorayOrgId}
      />
      <TextField
        name="tenantToken"
        type="password"
        autoComplete="off"
        label={t('tenantToken')}
        required={!org}
        help={org ? t('tenantTokenKeep') : t('tenantTokenHelp')}
        errors={fieldErrors?.tenantToken}
      />
      <TextField
        name="apiBaseUrl"
        label={t('apiBaseUrl')}
        defaultValue={org?.apiBaseUrl}
        placeholder="https://api.dooray.com"
        help={t('apiBaseUrlHelp')}
        errors={fieldErrors?.apiBaseUrl}
      />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <FormError message={formError} />
        <Button type="submit" disabled={pending}>
          {org ? t('orgEdit') : t('orgRegister')}
        </Button>
        {org && (
          <Button variant="secondary" onClick={test} disabled={testing}>
            {t('test')}
          </Button>
        )}
      </div>
    </form>
  );
}
