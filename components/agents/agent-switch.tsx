'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { setAgentSwitchAction } from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';

type Props = {
  serviceId: string;
  agentId: string;
  agentName: string;
  field: 'assignable' | 'selfControl';
  value: boolean;
};

/** A list switch that flips at once and rolls back, with a toast, if the server refuses. */
export function AgentSwitch({ serviceId, agentId, agentName, field, value }: Props) {
  const t = useTranslations('agents');
  const [checked, setChecked] = useState(value);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const fieldLabel = t(field);
  const flip = (next: boolean) => {
    setChecked(next);
    start(async () => {
      const r = await setAgentSwitchAction(null, { serviceId, agentId, field, value: next });
      if (r.ok) {
        toast(t('switchSaved', { field: `${agentName} ${fieldLabel}`, value: next ? t('on') : t('off') }));
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
      disabled={pending}
      label={t('switchLabel', { name: agentName, field: fieldLabel })}
      onLabel={t('on')}
      offLabel={t('off')}
    />
  );
}
