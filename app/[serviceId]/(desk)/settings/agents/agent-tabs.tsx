import { getTranslations } from 'next-intl/server';
import { LinkTabs } from '@/components/ui/tabs';

/** 상담원 / 그룹 tabs of the agent settings. */
export async function AgentTabs({ serviceId, current }: { serviceId: string; current: 'agents' | 'groups' }) {
  const t = await getTranslations('agents');
  return (
    <LinkTabs
      label={t('tabs')}
      current={current}
      tabs={[
        { id: 'agents', href: `/${serviceId}/settings/agents`, label: t('tabAgents') },
        { id: 'groups', href: `/${serviceId}/settings/agents/groups`, label: t('tabGroups') },
      ]}
    />
  );
}
