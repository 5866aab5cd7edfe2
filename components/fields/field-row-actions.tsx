'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { deleteFieldAction, resetFieldAction } from '@/app/[serviceId]/(desk)/settings/fields/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { FieldEditor } from './field-editor';
import type { FieldView } from './types';

/** 수정 and, for system fields 초기화, for custom fields 삭제 — both confirmed first. */
export function FieldRowActions({
  serviceId,
  languages,
  field,
  label,
  usedIn,
}: {
  serviceId: string;
  languages: string[];
  field: FieldView;
  label: string;
  usedIn: string[];
}) {
  const t = useTranslations('fields');
  const [editing, setEditing] = useState(false);
  const destructive = useConfirmedAction<unknown>(
    () =>
      field.isSystem
        ? resetFieldAction(null, { serviceId, fieldId: field.id })
        : deleteFieldAction(null, { serviceId, fieldId: field.id }),
    () => (field.isSystem ? t('resetDone') : t('deleted')),
  );
  const params = { name: label, code: field.code };
  return (
    <div className="flex justify-end gap-1">
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`${t('edit')} ${field.code}`}>
        {t('edit')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className={field.isSystem ? '' : 'text-red-700'}
        onClick={destructive.ask}
        aria-label={`${field.isSystem ? t('reset') : t('delete')} ${field.code}`}
      >
        {field.isSystem ? t('reset') : t('delete')}
      </Button>
      <Dialog open={editing} onOpenChange={setEditing} title={t('editTitle', { code: field.code })}>
        <FieldEditor
          serviceId={serviceId}
          languages={languages}
          audience={field.audience}
          field={field}
          onDone={() => setEditing(false)}
        />
      </Dialog>
      <ConfirmDialog
        {...destructive.dialog}
        title={field.isSystem ? t('confirmResetTitle') : t('confirmDeleteTitle')}
        description={
          field.isSystem
            ? t('confirmResetBody', params)
            : `${t('confirmDeleteBody', params)} ${usedIn.length ? t('usedInLayouts', { layouts: usedIn.join(', ') }) : t('usedInNone')}`
        }
        confirmLabel={field.isSystem ? t('reset') : t('delete')}
      />
    </div>
  );
}
