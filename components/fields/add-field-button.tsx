'use client';

import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldEditor } from './field-editor';
import type { FieldView } from './types';

export function AddFieldButton({
  serviceId,
  languages,
  audience,
}: {
  serviceId: string;
  languages: string[];
  audience: FieldView['audience'];
}) {
  const t = useTranslations('fields');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        {t('add')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('addTitle')}>
        <FieldEditor serviceId={serviceId} languages={languages} audience={audience} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
