'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { saveAccountAction } from '@/app/[serviceId]/(desk)/settings/email/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { CheckboxField, FormError, SelectField, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';

export type AccountRow = {
  id: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  folder: string;
  active: boolean;
  afterImport: 'seen' | 'delete';
};

/** 외부 계정 추가 / 수정 (IMAP, receive only). The password is never sent back to the browser. */
export function AccountDialog({
  serviceId,
  account,
  onClose,
}: {
  serviceId: string;
  account?: AccountRow;
  onClose: () => void;
}) {
  const t = useTranslations('email.settings');
  const toast = useToast();
  const router = useRouter();
  const { state, pending, onSubmit, fieldErrors, formError } = useFormAction(saveAccountAction);
  useEffect(() => {
    if (state?.ok) {
      toast(t('saved'));
      router.refresh();
      onClose();
    }
  }, [state, t, toast, router, onClose]);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={account ? t('editAccount') : t('addAccount')}
      description={t('accountHelp')}
    >
      <form onSubmit={onSubmit} className="grid gap-3" data-testid="account-form">
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="id" value={account?.id ?? ''} />
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          <TextField
            name="host"
            label={t('host')}
            defaultValue={account?.host}
            required
            errors={fieldErrors?.host}
            placeholder="imap.example.com"
          />
          <TextField
            name="port"
            type="number"
            label={t('port')}
            defaultValue={account?.port ?? 993}
            required
            errors={fieldErrors?.port}
            min={1}
            max={65535}
          />
        </div>
        <CheckboxField name="tls" label={t('tls')} defaultChecked={account?.tls ?? true} />
        <TextField
          name="username"
          label={t('username')}
          defaultValue={account?.username}
          required
          errors={fieldErrors?.username}
          autoComplete="off"
        />
        <TextField
          name="password"
          type="password"
          label={t('password')}
          required={!account}
          help={account ? t('passwordKeep') : undefined}
          errors={fieldErrors?.password}
          autoComplete="new-password"
        />
        <TextField
          name="folder"
          label={t('folder')}
          defaultValue={account?.folder ?? 'INBOX'}
          required
          errors={fieldErrors?.folder}
        />
        <SelectField
          name="afterImport"
          label={t('afterImport')}
          defaultValue={account?.afterImport ?? 'seen'}
          errors={fieldErrors?.afterImport}
        >
          <option value="seen">{t('afterImportSeen')}</option>
          <option value="delete">{t('afterImportDelete')}</option>
        </SelectField>
        <CheckboxField name="active" label={t('active')} defaultChecked={account?.active ?? true} />
        <FormError message={formError} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" disabled={pending}>
            {t('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
