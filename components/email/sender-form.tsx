'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { saveSenderAction } from '@/app/[serviceId]/(desk)/settings/email/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';

/** 발신 정보: display name and address of every mail of the service. */
export function SenderForm({
  serviceId,
  senderName,
  senderAddress,
  defaults,
}: {
  serviceId: string;
  senderName: string;
  senderAddress: string;
  defaults: { name: string; address: string };
}) {
  const t = useTranslations('email.settings');
  const toast = useToast();
  const { state, pending, onSubmit, fieldErrors, formError } = useFormAction(saveSenderAction);
  useEffect(() => {
    if (state?.ok) toast(t('saved'));
  }, [state, t, toast]);
  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-3" data-testid="sender-form">
      <input type="hidden" name="serviceId" value={serviceId} />
      <TextField
        name="senderName"
        label={t('senderName')}
        defaultValue={senderName}
        placeholder={defaults.name}
        help={t('senderNameHelp')}
        errors={fieldErrors?.senderName}
        maxLength={100}
      />
      <TextField
        name="senderAddress"
        type="email"
        label={t('senderAddress')}
        defaultValue={senderAddress}
        placeholder={defaults.address}
        help={t('senderAddressHelp')}
        errors={fieldErrors?.senderAddress}
        maxLength={254}
      />
      <FormError message={formError} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
