'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Plus } from 'lucide-react';
import { deleteGroupAction, groupUsageAction } from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { GroupDialog } from './group-dialog';

type Agent = { id: string; name: string; loginId: string };

/** The 그룹 추가 button and its dialog (mounted only while open, so each opening starts fresh). */
export function AddGroupButton({ serviceId }: { serviceId: string }) {
  const t = useTranslations('groups');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        {t('add')}
      </Button>
      {open && <GroupDialog serviceId={serviceId} open onOpenChange={setOpen} />}
    </>
  );
}

type Usage = { agents: number; triggers: { id: string; title: string }[]; tickets: number };

/** 수정 and 삭제 of one group; the delete confirmation says what refers to the group first. */
export function GroupRowActions({
  serviceId,
  group,
}: {
  serviceId: string;
  group: { id: string; name: string; agents: Agent[] };
}) {
  const t = useTranslations('groups');
  const [editing, setEditing] = useState(false);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [loading, start] = useTransition();
  const toast = useToast();
  const remove = useConfirmedAction(
    () => deleteGroupAction(null, { serviceId, groupId: group.id }),
    (d) => t('deleted', { name: d.name }),
  );
  const pending = loading || remove.pending;

  // The confirmation opens at once and says what refers to the group when that is known.
  const askDelete = () => {
    setUsage(null);
    remove.ask();
    start(async () => {
      const r = await groupUsageAction(null, { serviceId, groupId: group.id });
      if (r.ok) setUsage(r.data);
      else {
        remove.dialog.onOpenChange(false);
        toast(r.error, 'error');
      }
    });
  };
  const blocked = Boolean(usage?.triggers.length);
  const description = !usage
    ? t('checking')
    : blocked
      ? t('deleteBlocked', { triggers: usage.triggers.map((x) => x.title).join(', ') })
      : t('deleteBody', {
          name: group.name,
          agents: usage.agents,
          triggers: usage.triggers.length,
          tickets: usage.tickets,
        });

  return (
    <div className="flex justify-end gap-2 whitespace-nowrap">
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`${group.name} ${t('edit')}`}>
        {t('edit')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className="text-red-700"
        onClick={askDelete}
        disabled={pending}
        aria-label={`${group.name} ${t('delete')}`}
      >
        {t('delete')}
      </Button>
      {editing && <GroupDialog serviceId={serviceId} group={group} open onOpenChange={setEditing} />}
      <ConfirmDialog
        {...remove.dialog}
        title={t('deleteTitle')}
        description={description}
        confirmLabel={t('delete')}
        pending={pending || !usage || blocked}
      />
    </div>
  );
}
