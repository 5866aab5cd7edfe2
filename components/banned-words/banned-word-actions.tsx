'use client';

import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import {
  addBannedWordsAction,
  deleteBannedWordAction,
  updateBannedWordAction,
} from '@/app/[serviceId]/(desk)/settings/banned-words/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { FormError, TextareaField, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useSavingFormAction } from '@/components/ui/use-form-action';

/** 금칙어 추가: a dialog taking one word per line (several can be pasted at once). */
export function AddBannedWordsButton({ serviceId }: { serviceId: string }) {
  const t = useTranslations('bannedWords');
  const tc = useTranslations('common');
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(addBannedWordsAction, (data) => {
    setOpen(false);
    toast(t('added', { count: data.added }));
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        {t('add')}
      </Button>
      {open && (
        <Dialog open onOpenChange={setOpen} title={t('addTitle')}>
          <form onSubmit={onSubmit} className="space-y-3" noValidate>
            <input type="hidden" name="serviceId" value={serviceId} />
            <TextareaField
              name="words"
              label={t('words')}
              help={t('wordsHelp')}
              errors={fe?.words}
              rows={6}
              autoFocus
            />
            <FormError message={formError} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {tc('cancel')}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? tc('saving') : tc('save')}
              </Button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}

function EditDialog({
  serviceId,
  word,
  onClose,
}: {
  serviceId: string;
  word: { id: string; word: string };
  onClose: () => void;
}) {
  const t = useTranslations('bannedWords');
  const tc = useTranslations('common');
  const toast = useToast();
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(updateBannedWordAction, () => {
    onClose();
    toast(t('updated'));
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('editTitle')}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="id" value={word.id} />
        <TextField
          name="word"
          label={t('word')}
          defaultValue={word.word}
          required
          errors={fe?.word}
          autoComplete="off"
        />
        <FormError message={fe?.word ? null : formError} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? tc('saving') : tc('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** 수정 / 삭제 of one banned word (삭제 asks first). */
export function BannedWordRowActions({ serviceId, word }: { serviceId: string; word: { id: string; word: string } }) {
  const t = useTranslations('bannedWords');
  const [editing, setEditing] = useState(false);
  const remove = useConfirmedAction(
    () => deleteBannedWordAction(null, { serviceId, id: word.id }),
    (d) => t('deleted', { word: d.word }),
  );
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`${t('edit')} ${word.word}`}>
        {t('edit')}
      </Button>
      <Button size="sm" variant="danger" onClick={remove.ask} aria-label={`${t('delete')} ${word.word}`}>
        {t('delete')}
      </Button>
      {editing && <EditDialog serviceId={serviceId} word={word} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        {...remove.dialog}
        title={t('deleteTitle')}
        description={t('deleteBody', { word: word.word })}
        confirmLabel={t('delete')}
      />
    </div>
  );
}
