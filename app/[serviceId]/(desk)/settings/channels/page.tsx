import { getTranslations } from 'next-intl/server';
import { DoorayHookUrl } from '@/components/channels/dooray-hook-url';
import { DoorayOrgForm } from '@/components/channels/dooray-org-form';
import { DoorayProjects } from '@/components/channels/dooray-projects';
import { DoorayStateForm } from '@/components/channels/dooray-state-form';
import { SmsSettings } from '@/components/channels/sms-settings';
import { Card, PageHeader } from '@/components/ui/card';
import { listAgentOptions } from '@/db/queries/agents';
import { listDoorayProjects } from '@/db/queries/dooray';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { doorayOrg, doorayState, maskedHookUrl } from '@/lib/dooray/config';
import { smsConfig } from '@/lib/sms/config';

export default async function ChannelsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const db = getDb();
  const [state, org, projects, agents, sms] = await Promise.all([
    doorayState(db, service.id),
    doorayOrg(db, service.id),
    listDoorayProjects(db, { serviceId: service.id }),
    listAgentOptions(db, { serviceId: service.id, limit: 500 }),
    smsConfig(db, service.id),
  ]);
  const t = await getTranslations('channels');
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <Card className="mb-6 space-y-4">
        <section aria-labelledby="sms-title" className="space-y-4">
          <div>
            <h2 id="sms-title" className="text-lg font-semibold">
              {t('sms.title')}
            </h2>
            <p className="text-sm text-slate-600">{t('sms.intro')}</p>
          </div>
          {service.smsEnabled ? (
            <SmsSettings
              serviceId={service.id}
              config={
                sms
                  ? {
                      apiVersion: sms.apiVersion,
                      apiBaseUrl: sms.apiBaseUrl,
                      registeredSenders: sms.registeredSenders,
                      allowedSenders: sms.allowedSenders,
                    }
                  : null
              }
            />
          ) : (
            <p
              className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
              data-testid="sms-disabled"
            >
              {t('sms.disabledNotice')}
            </p>
          )}
        </section>
      </Card>
      <Card className="space-y-6">
        <section aria-labelledby="dooray-title" className="space-y-4">
          <div>
            <h2 id="dooray-title" className="text-lg font-semibold">
              {t('dooray.title')}
            </h2>
            <p className="text-sm text-slate-600">{t('dooray.intro')}</p>
          </div>
          <DoorayStateForm serviceId={service.id} enabled={state.enabled} paused={state.paused} />
          <div className="space-y-1">
            <h3 className="text-sm font-semibold">{t('dooray.hookTitle')}</h3>
            <p className="text-xs text-slate-500">{t('dooray.hookHelp')}</p>
            <DoorayHookUrl serviceId={service.id} masked={maskedHookUrl(service.id, state.hookToken)} />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t('dooray.orgTitle')}</h3>
            {!org && <p className="text-sm text-slate-500">{t('dooray.orgNone')}</p>}
            <DoorayOrgForm
              serviceId={service.id}
              org={org ? { name: org.name, doorayOrgId: org.doorayOrgId, apiBaseUrl: org.apiBaseUrl } : null}
            />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t('dooray.projectsTitle')}</h3>
            <DoorayProjects
              serviceId={service.id}
              projects={projects}
              agents={agents.map((a) => ({ memberId: a.memberId, name: a.name, loginId: a.loginId }))}
              canAdd={Boolean(org)}
            />
          </div>
        </section>
      </Card>
    </>
  );
}
