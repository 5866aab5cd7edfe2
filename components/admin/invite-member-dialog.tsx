'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { UserPlus } from 'lucide-react';
import { inviteMemberAction } from '@/app/admin/members/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useSavingFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/actions/action';

type InviteAction = (prev: unknown, fd: FormData) => Promise<ActionResult<{ mailSent: boolean; email: string }>>;

/** 회원 초대; org settings use the org action, a service's agent screen passes its own with `serviceId`. */
export function InviteMemberDialog({
  action = inviteMemberAction,
  serviceId,
}: {
  action?: InviteAction;
  serviceId?: string;
}) {
  const t = useTranslations('admin.members');
  const tc = useTranslations('common');
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(action, (data) => {
    setOpen(false);
    toast(data.mailSent ? t('invited', { email: data.email }) : t('mailFailed'), data.mailSent ? 'success' : 'error');
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus className="size-4" aria-hidden />
        {t('invite')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('inviteTitle')}>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {serviceId && <input type="hidden" name="serviceId" value={serviceId} />}
          <TextField name="name" label={t('name')} required errors={fe?.name} maxLength={100} />
          <TextField
            name="loginId"
            label={t('loginId')}
            help={t('loginIdHelp')}
            required
            errors={fe?.loginId}
            maxLength={50}
            autoComplete="off"
          />
          <TextField
            name="email"
            type="email"
            label={t('email')}
            required
            errors={fe?.email}
            maxLength={254}
            autoComplete="off"
          />
          <FormError message={formError} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {tc('cancel')}
            </Button>
            <Button type="submit" disabled={pending}>
              {t('inviteSubmit')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
