'use client';

import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { deleteAccountAction, testAccountAction } from '@/app/[serviceId]/(desk)/settings/email/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { AccountDialog, type AccountRow } from './account-dialog';

export function AddAccountButton({ serviceId }: { serviceId: string }) {
  const t = useTranslations('email.settings');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        {t('addAccount')}
      </Button>
      {open && <AccountDialog serviceId={serviceId} onClose={() => setOpen(false)} />}
    </>
  );
}

const KNOWN_REASONS = new Set(['auth_failed', 'address_blocked', 'ETIMEDOUT', 'ECONNREFUSED', 'ENOTFOUND']);

/** 연결 테스트 / 수정 / 삭제 of one external account. */
export function AccountRowActions({ serviceId, account }: { serviceId: string; account: AccountRow }) {
  const t = useTranslations('email.settings');
  const [editing, setEditing] = useState(false);
  const [testing, startTest] = useTransition();
  const toast = useToast();
  const test = () =>
    startTest(async () => {
      const r = await testAccountAction(null, { serviceId, id: account.id });
      if (!r.ok) return toast(r.error, 'error');
      if (r.data.ok) toast(t('testOk', { count: r.data.messages }));
      else
        toast(
          t('testFailed', { reason: KNOWN_REASONS.has(r.data.reason) ? t(`reason.${r.data.reason}`) : r.data.reason }),
          'error',
        );
    });
  const remove = useConfirmedAction(
    () => deleteAccountAction(null, { serviceId, id: account.id }),
    () => t('deleted'),
  );
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" disabled={testing} onClick={test}>
        {testing ? t('testing') : t('test')}
      </Button>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => setEditing(true)}
        aria-label={`${t('edit')} ${account.username}`}
      >
        {t('edit')}
      </Button>
      <Button size="sm" variant="danger" onClick={remove.ask} aria-label={`${t('delete')} ${account.username}`}>
        {t('delete')}
      </Button>
      {editing && <AccountDialog serviceId={serviceId} account={account} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        {...remove.dialog}
        title={t('deleteTitle')}
        description={t('deleteBody', { account: `${account.username} @ ${account.host}` })}
        confirmLabel={t('delete')}
      />
    </div>
  );
}
