'use client';

import { useTranslations } from 'next-intl';
import { createCategoryAction, renameCategoryAction } from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';
import type { CategoryKind } from '@/db/values';
import type { CategoryNode } from '@/lib/categories/tree-build';

type Props = {
  serviceId: string;
  kind: CategoryKind;
  languages: string[];
  /** Adding: the parent (null for level 1). Editing: the category. */
  mode: { add: CategoryNode | null } | { edit: CategoryNode };
  onClose: () => void;
};

/** Adds a category at a level, or edits a category's names (one per help-center language for intake types). */
export function CategoryFormDialog({ serviceId, kind, languages, mode, onClose }: Props) {
  const t = useTranslations('categories');
  const tc = useTranslations('common');
  const toast = useToast();
  const editing = 'edit' in mode ? mode.edit : null;
  const parent = 'add' in mode ? mode.add : null;
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useFormAction(async (prev: unknown, fd: FormData) => {
    const names = Object.fromEntries(languages.map((l) => [l, String(fd.get(`names.${l}`) ?? '')]));
    const r = editing
      ? await renameCategoryAction(prev, { serviceId, id: editing.id, names })
      : await createCategoryAction(prev, { serviceId, kind, parentId: parent?.id ?? null, names });
    if (r.ok) {
      toast(editing ? tc('saved') : t('added', { name: r.data.name }));
      onClose();
    }
    return r;
  });
  const title = editing
    ? t('editTitle')
    : parent
      ? t('addChildTitle', { parent: parent.label, depth: parent.depth + 1 })
      : t('addRootTitle');
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={title}
      description={kind === 'intake' && languages.length > 1 ? t('namesHelp') : undefined}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {languages.map((l, i) => (
          <TextField
            key={l}
            name={`names.${l}`}
            label={languages.length > 1 ? t('nameIn', { lang: l }) : t('name')}
            required={i === 0}
            defaultValue={editing ? (i === 0 ? editing.name : (editing.names[l] ?? '')) : ''}
            placeholder={i > 0 ? t('fallbackPlaceholder') : undefined}
            errors={fe?.[`names.${l}`]}
            maxLength={150}
            autoFocus={i === 0}
          />
        ))}
        <FormError message={formError} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? tc('saving') : editing ? tc('save') : t('add')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
