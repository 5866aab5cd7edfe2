'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { setOwnAssignableAction } from '@/app/me/actions';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';

/** The agent's own 티켓 할당 of one service; read-only while 할당 제어 is OFF. */
export function OwnAssignableSwitch({
  serviceId,
  serviceName,
  value,
  editable,
}: {
  serviceId: string;
  serviceName: string;
  value: boolean;
  editable: boolean;
}) {
  const t = useTranslations('me');
  const ta = useTranslations('agents');
  const [checked, setChecked] = useState(value);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const flip = (next: boolean) => {
    setChecked(next);
    start(async () => {
      const r = await setOwnAssignableAction(null, { serviceId, value: next });
      if (r.ok) {
        toast(t('assignmentSaved', { service: serviceName, value: next ? ta('on') : ta('off') }));
        router.refresh();
      } else {
        setChecked(!next);
        toast(r.error, 'error');
      }
    });
  };
  return (
    <Switch
      checked={checked}
      onChange={flip}
      disabled={!editable || pending}
      label={`${serviceName} ${t('assignment')}`}
      onLabel={ta('on')}
      offLabel={ta('off')}
    />
  );
}
