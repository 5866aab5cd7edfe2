'use client';

import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { deleteTemplateAction } from '@/app/[serviceId]/(desk)/settings/templates/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
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
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const remove = () =>
    start(async () => {
      const r = await deleteTemplateAction(null, { serviceId: props.serviceId, id: template.id });
      setConfirming(false);
      if (r.ok) {
        toast(t('deleted', { title: r.data.title }));
        router.refresh();
      } else toast(r.error, 'error');
    });
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`${t('edit')} ${template.title}`}>{t('edit')}</Button>
      {template.editable && (
        <Button size="sm" variant="danger" onClick={() => setConfirming(true)} aria-label={`${t('delete')} ${template.title}`}>{t('delete')}</Button>
      )}
      {editing && <TemplateDialog {...props} template={template} onClose={() => setEditing(false)} />}
      <ConfirmDialog open={confirming} onOpenChange={setConfirming} title={t('deleteTitle')} description={t('deleteBody', { title: template.title })} confirmLabel={t('delete')} onConfirm={remove} pending={pending} />
    </div>
  );
}
