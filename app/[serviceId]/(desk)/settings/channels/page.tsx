import { getTranslations } from 'next-intl/server';
import { DoorayHookUrl } from '@/components/channels/dooray-hook-url';
import { DoorayOrgForm } from '@/components/channels/dooray-org-form';
import { DoorayProjects } from '@/components/channels/dooray-projects';
import { DoorayStateForm } from '@/components/channels/dooray-state-form';
import { Card, PageHeader } from '@/components/ui/card';
import { listAgentOptions } from '@/db/queries/agents';
import { listDoorayProjects } from '@/db/queries/dooray';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/lib/db';
import { doorayOrg, doorayState } from '@/lib/dooray/config';
import { appUrl } from '@/lib/members/invite-mail';

export default async function ChannelsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const db = getDb();
  const [state, org, projects, agents] = await Promise.all([doorayState(db, service.id), doorayOrg(db, service.id), listDoorayProjects(db, { serviceId: service.id }), listAgentOptions(db, { serviceId: service.id, limit: 500 })]);
  const t = await getTranslations('channels');
  const hookUrl = `${appUrl()}/${service.id}/api/v2/dooray/hook?token=${encodeURIComponent(state.hookToken)}`;
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <Card className="space-y-6">
        <section aria-labelledby="dooray-title" className="space-y-4">
          <div>
            <h2 id="dooray-title" className="text-lg font-semibold">{t('dooray.title')}</h2>
            <p className="text-sm text-slate-600">{t('dooray.intro')}</p>
          </div>
          <DoorayStateForm serviceId={service.id} enabled={state.enabled} paused={state.paused} />
          <div className="space-y-1">
            <h3 className="text-sm font-semibold">{t('dooray.hookTitle')}</h3>
            <p className="text-xs text-slate-500">{t('dooray.hookHelp')}</p>
            <DoorayHookUrl serviceId={service.id} url={hookUrl} />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t('dooray.orgTitle')}</h3>
            {!org && <p className="text-sm text-slate-500">{t('dooray.orgNone')}</p>}
            <DoorayOrgForm serviceId={service.id} org={org ? { name: org.name, doorayOrgId: org.doorayOrgId, apiBaseUrl: org.apiBaseUrl } : null} />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t('dooray.projectsTitle')}</h3>
            <DoorayProjects serviceId={service.id} projects={projects} agents={agents.map((a) => ({ memberId: a.memberId, name: a.name, loginId: a.loginId }))} canAdd={Boolean(org)} />
          </div>
        </section>
      </Card>
    </>
  );
}
