'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { removeAgentAction } from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';

type Props = {
  serviceId: string;
  agent: { id: string; name: string; loginId: string; groups: number };
  canEdit: boolean;
  canRemove: boolean;
};

export function AgentRowActions({ serviceId, agent, canEdit, canRemove }: Props) {
  const t = useTranslations('agents');
  const remove = useConfirmedAction(
    () => removeAgentAction(null, { serviceId, agentId: agent.id }),
    () => t('removed'),
  );
  return (
    <div className="flex justify-end gap-2 whitespace-nowrap">
      {canEdit && (
        <Link
          href={`/${serviceId}/settings/agents/${agent.id}`}
          className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50"
          aria-label={`${agent.name} ${t('edit')}`}
        >
          {t('edit')}
        </Link>
      )}
      {canRemove && (
        <Button
          size="sm"
          variant="ghost"
          className="text-red-700"
          disabled={remove.pending}
          onClick={remove.ask}
          aria-label={`${agent.name} ${t('remove')}`}
        >
          {t('remove')}
        </Button>
      )}
      <ConfirmDialog
        {...remove.dialog}
        title={t('removeTitle')}
        description={t('removeBody', { name: agent.name, loginId: agent.loginId, groups: agent.groups })}
        confirmLabel={t('remove')}
      />
    </div>
  );
}
