'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { TicketStatus } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { SelectField, TextareaField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import {
  completeTicketAction,
  restoreSpamAction,
  takeTicketAction,
  transferTicketAction,
} from '@/app/[serviceId]/(desk)/tickets/actions';

type Props = {
  serviceId: string;
  ticket: { id: string; version: number; status: TicketStatus; spam: boolean; assigneeId: string | null };
  me: string;
  canTake: boolean;
  canTransfer: boolean;
  isAdmin: boolean;
  myGroups: { id: string; name: string }[];
  targets: { memberId: string; name: string; loginId: string }[];
};

/** 가져오기, 전달, 완료 and 스팸 복원, each shown only when it can be done. */
export function TicketActions({ serviceId, ticket, me, canTake, canTransfer, isAdmin, myGroups, targets }: Props) {
  const t = useTranslations('tickets');
  const toast = useToast();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [dialog, setDialog] = useState<'take' | 'transfer' | null>(null);
  const [groupId, setGroupId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = (
    fn: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>,
    done: string,
  ) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (!r.ok) {
        const msg = [r.error, ...Object.values(r.fieldErrors ?? {}).flat()].filter(Boolean).join(' ');
        if (dialog) setError(msg);
        else toast(msg, 'error');
        return;
      }
      setDialog(null);
      toast(done);
      router.refresh();
    });
  // A refused 완료 (the ticket changed meanwhile) is toasted: the confirm dialog has no error line.
  const complete = useConfirmedAction(
    () => completeTicketAction(null, { serviceId, ticketId: ticket.id, version: ticket.version }),
    () => t('actions.completed'),
  );
  const take = () => {
    if (myGroups.length > 1 && !groupId) return setDialog('take');
    run(
      () => takeTicketAction(null, { serviceId, ticketId: ticket.id, groupId: groupId || undefined }),
      t('actions.taken'),
    );
  };
  const workable = !ticket.spam && ticket.status !== 'closed';
  return (
    <div className="flex flex-wrap gap-2">
      {workable && canTake && ticket.assigneeId !== me && !ticket.assigneeId && (
        <Button onClick={take} disabled={pending}>
          {t('actions.take')}
        </Button>
      )}
      {workable && canTransfer && (
        <Button variant="secondary" onClick={() => setDialog('transfer')} disabled={pending}>
          {t('actions.transfer')}
        </Button>
      )}
      {isAdmin && ticket.status === 'solved' && !ticket.spam && (
        <Button variant="secondary" onClick={complete.ask} disabled={pending || complete.pending}>
          {t('actions.complete')}
        </Button>
      )}
      {isAdmin && ticket.spam && (
        <Button
          variant="secondary"
          onClick={() => run(() => restoreSpamAction(null, { serviceId, ticketId: ticket.id }), t('actions.restored'))}
          disabled={pending}
        >
          {t('actions.restore')}
        </Button>
      )}

      <Dialog
        open={dialog === 'take'}
        onOpenChange={(o) => !o && setDialog(null)}
        title={t('actions.takeTitle')}
        description={t('actions.takeGroup')}
      >
        <SelectField label={t('col.group')} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          <option value="">{t('actions.chooseGroup')}</option>
          {myGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <DialogFooter
          error={error}
          cancel={t('actions.cancel')}
          onCancel={() => setDialog(null)}
          confirm={t('actions.take')}
          disabled={!groupId || pending}
          onConfirm={() =>
            run(() => takeTicketAction(null, { serviceId, ticketId: ticket.id, groupId }), t('actions.taken'))
          }
        />
      </Dialog>

      <Dialog
        open={dialog === 'transfer'}
        onOpenChange={(o) => !o && setDialog(null)}
        title={t('actions.transferTitle')}
        description={t('actions.transferHelp')}
      >
        <div className="flex flex-col gap-3">
          <SelectField
            label={t('actions.transferTo')}
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
          >
            <option value="">{t('actions.chooseAgent')}</option>
            {targets.map((a) => (
              <option key={a.memberId} value={a.memberId}>
                {a.name} ({a.loginId})
              </option>
            ))}
          </SelectField>
          <TextareaField
            label={t('actions.transferNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
          />
        </div>
        <DialogFooter
          error={error}
          cancel={t('actions.cancel')}
          onCancel={() => setDialog(null)}
          confirm={t('actions.transfer')}
          disabled={!assigneeId || pending}
          onConfirm={() =>
            run(
              () =>
                transferTicketAction(null, {
                  serviceId,
                  ticketId: ticket.id,
                  version: ticket.version,
                  assigneeId,
                  note,
                }),
              t('actions.transferred'),
            )
          }
        />
      </Dialog>

      <ConfirmDialog
        {...complete.dialog}
        title={t('actions.completeTitle')}
        description={t('actions.completeBody')}
        confirmLabel={t('actions.complete')}
      />
    </div>
  );
}

/** The end of the take and transfer dialogs: the refusal, if any, then 취소 and the action. */
function DialogFooter({
  error,
  cancel,
  onCancel,
  confirm,
  disabled,
  onConfirm,
}: {
  error: string | null;
  cancel: string;
  onCancel: () => void;
  confirm: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {cancel}
        </Button>
        <Button disabled={disabled} onClick={onConfirm}>
          {confirm}
        </Button>
      </div>
    </>
  );
}
