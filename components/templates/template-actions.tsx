'use client';

import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { deleteTemplateAction } from '@/app/[serviceId]/(desk)/settings/templates/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { TemplateDialog } from './template-dialog';
import type { TemplateRow, TypeOption } from './types';

type Shared = { serviceId: string; editorType: 'html' | 'text'; codes: string[]; types: TypeOption[] };

/** The 추가 button of 템플릿 등록 (the dialog is mounted only while open). */
export function AddTemplateButton(props: Shared) {
  const t = useTranslations('templates');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        {t('add')}
      </Button>
      {open && <TemplateDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/** 수정 / 삭제 of one template; a shared template of another service opens read-only. */
export function TemplateRowActions({ template, ...props }: Shared & { template: TemplateRow }) {
  const t = useTranslations('templates');
  const [editing, setEditing] = useState(false);
  const remove = useConfirmedAction(
    () => deleteTemplateAction(null, { serviceId: props.serviceId, id: template.id }),
    (d) => t('deleted', { title: d.title }),
  );
  return (
    <div className="flex justify-end gap-2">
      <Button
        size="sm"
        variant="secondary"
        onClick={() => setEditing(true)}
        aria-label={`${t('edit')} ${template.title}`}
      >
        {t('edit')}
      </Button>
      {template.editable && (
        <Button size="sm" variant="danger" onClick={remove.ask} aria-label={`${t('delete')} ${template.title}`}>
          {t('delete')}
        </Button>
      )}
      {editing && <TemplateDialog {...props} template={template} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        {...remove.dialog}
        title={t('deleteTitle')}
        description={t('deleteBody', { title: template.title })}
        confirmLabel={t('delete')}
      />
    </div>
  );
}
