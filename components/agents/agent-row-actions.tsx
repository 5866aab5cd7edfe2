'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { removeAgentAction } from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';

type Props = { serviceId: string; agent: { id: string; name: string; loginId: string; groups: number }; canEdit: boolean; canRemove: boolean };

export function AgentRowActions({ serviceId, agent, canEdit, canRemove }: Props) {
  const t = useTranslations('agents');
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const remove = () =>
    start(async () => {
      const r = await removeAgentAction(null, { serviceId, agentId: agent.id });
      setConfirming(false);
      if (r.ok) {
        toast(t('removed'));
        router.refresh();
      } else toast(r.error, 'error');
    });
  return (
    <div className="flex justify-end gap-2 whitespace-nowrap">
      {canEdit && (
        <Link href={`/${serviceId}/settings/agents/${agent.id}`} className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50" aria-label={`${agent.name} ${t('edit')}`}>
          {t('edit')}
        </Link>
      )}
      {canRemove && (
        <Button size="sm" variant="ghost" className="text-red-700" disabled={pending} onClick={() => setConfirming(true)} aria-label={`${agent.name} ${t('remove')}`}>
          {t('remove')}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('removeTitle')}
        description={t('removeBody', { name: agent.name, loginId: agent.loginId, groups: agent.groups })}
        confirmLabel={t('remove')}
        pending={pending}
        onConfirm={remove}
      />
    </div>
  );
}
