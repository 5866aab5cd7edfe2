'use client';

import { useTranslations } from 'next-intl';
import { updateServiceAction } from '@/app/admin/services/actions';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormError, SelectField, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';
import { LanguagePicker } from './language-picker';

type Props = {
  service: { id: string; name: string; languages: string[]; editorType: 'html' | 'text'; smsEnabled: boolean };
};

export function ServiceSettingsForm({ service }: Props) {
  const t = useTranslations('admin.services');
  const tc = useTranslations('common');
  const toast = useToast();
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useFormAction(async (prev: unknown, fd: FormData) => {
    const r = await updateServiceAction(prev, fd);
    if (r.ok) toast(tc('saved'));
    return r;
  });
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-5" noValidate>
      <input type="hidden" name="serviceId" value={service.id} />
      <TextField label={t('id')} value={service.id} readOnly disabled help={t('idImmutable')} />
      <TextField name="name" label={t('name')} defaultValue={service.name} required errors={fe?.name} maxLength={100} />
      <LanguagePicker
        name="languages"
        label={t('languages')}
        defaultValue={service.languages}
        help={t('languagesHelp')}
        errors={fe?.languages}
      />
      <SelectField
        name="editorType"
        label={t('editorType')}
        defaultValue={service.editorType}
        help={t('editorHelp')}
        errors={fe?.editorType}
      >
        <option value="html">{t('editorHtml')}</option>
        <option value="text">{t('editorText')}</option>
      </SelectField>
      <CheckboxField
        name="smsEnabled"
        label={t('smsEnabled')}
        defaultChecked={service.smsEnabled}
        errors={fe?.smsEnabled}
      />
      <FormError message={formError} />
      <Button type="submit" disabled={pending}>
        {pending ? tc('saving') : tc('save')}
      </Button>
    </form>
  );
}
