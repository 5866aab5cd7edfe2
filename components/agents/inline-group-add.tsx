'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition, type KeyboardEvent } from 'react';
import { Plus } from 'lucide-react';
import { createGroupAction } from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';

/** 그룹 추가 inside the agent form: creates an empty group and hands it back, checked. */
export function InlineGroupAdd({
  serviceId,
  onCreated,
}: {
  serviceId: string;
  onCreated: (g: { id: string; name: string }) => void;
}) {
  const t = useTranslations('agents');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const [pending, start] = useTransition();
  const toast = useToast();
  const create = () =>
    start(async () => {
      const r = await createGroupAction(null, { serviceId, name, agentIds: [] });
      if (r.ok) {
        onCreated(r.data);
        toast(t('groupCreated', { name: r.data.name }));
        setName('');
        setErrors(undefined);
        setOpen(false);
      } else setErrors(r.fieldErrors?.name ?? [r.error]);
    });
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      create();
    }
  };
  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        {t('addGroup')}
      </Button>
    );
  }
  return (
    <div className="flex max-w-md items-end gap-2">
      <div className="flex-1">
        <TextField
          label={t('newGroupName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onEnter}
          maxLength={50}
          errors={errors}
          autoFocus
          autoComplete="off"
        />
      </div>
      <Button size="md" onClick={create} disabled={pending}>
        {t('addGroup')}
      </Button>
    </div>
  );
}
