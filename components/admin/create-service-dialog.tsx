'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Plus } from 'lucide-react';
import { createServiceAction } from '@/app/admin/services/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError, TextField } from '@/components/ui/field';
import { LanguagePicker } from './language-picker';
import { useToast } from '@/components/ui/toast';
import { useSavingFormAction } from '@/components/ui/use-form-action';

export function CreateServiceDialog() {
  const t = useTranslations('admin.services');
  const tc = useTranslations('common');
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(createServiceAction, (data) => {
    setOpen(false);
    toast(t('created', { id: data.id }));
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        {t('create')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('createTitle')}>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <TextField
            name="id"
            label={t('id')}
            help={t('idHelp')}
            required
            errors={fe?.id}
            maxLength={30}
            autoComplete="off"
          />
          <TextField name="name" label={t('name')} required errors={fe?.name} maxLength={100} />
          <LanguagePicker
            name="languages"
            label={t('languages')}
            help={t('languagesHelp')}
            defaultValue={['ko', 'en']}
            errors={fe?.languages}
          />
          <FormError message={formError} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {tc('cancel')}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tc('saving') : t('create')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
