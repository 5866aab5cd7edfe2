import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { LocaleForm } from '@/components/auth/locale-form';
import { OwnAssignableSwitch } from '@/components/agents/own-assignable-switch';
import { AppShell } from '@/components/shell/app-shell';
import { Card, PageHeader } from '@/components/ui/card';
import { listOwnAgentRows } from '@/db/queries/agents';
import { serviceNav } from '@/components/shell/service-nav';
import { authorizeService, listAccessibleServices } from '@/lib/auth/access';
import { requireSession } from '@/lib/auth/require';
import type { AuthSession } from '@/lib/auth/sessions';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { getDb } from '@/db';

/** The service the member came from, when they may open it: its menu and switcher stay in place. */
async function fromService(session: AuthSession, serviceId: string | undefined) {
  if (!serviceId || typeof serviceId !== 'string') return null;
  try {
    const access = await authorizeService(getDb(), session.member, serviceId);
    return { id: access.service.id, sections: await serviceNav({ ...access, session }) };
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ForbiddenError) return null;
    throw err;
  }
}

export default async function PersonalSettingsPage({ searchParams }: { searchParams: Promise<{ service?: string }> }) {
  const session = await requireSession();
  const from = await fromService(session, (await searchParams).service);
  const t = await getTranslations('me');
  const tm = await getTranslations('admin.members');
  const m = session.member;
  const agentRows = await listOwnAgentRows(getDb(), m.id);
  return (
    <AppShell
      session={session}
      services={await listAccessibleServices(getDb(), session.member)}
      serviceId={from?.id}
      sections={from?.sections ?? []}
    >
      <PageHeader title={t('title')} />
      <div className="max-w-xl space-y-6">
        <Card>
          <h2 className="mb-3 font-semibold">{t('profile')}</h2>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">{tm('name')}</dt>
            <dd>{m.name}</dd>
            <dt className="text-slate-500">{tm('loginId')}</dt>
            <dd className="font-mono">{m.loginId}</dd>
            <dt className="text-slate-500">{tm('email')}</dt>
            <dd>{m.email}</dd>
          </dl>
        </Card>
        {agentRows.length > 0 && (
          <Card>
            <h2 className="font-semibold">{t('assignment')}</h2>
            <p className="mb-3 text-xs text-slate-500">{t('assignmentHelp')}</p>
            <ul className="divide-y divide-slate-100">
              {agentRows.map((a) => (
                <li
                  key={a.agentId}
                  className="flex items-center justify-between gap-4 py-2"
                  data-testid={`assignment-${a.serviceId}`}
                >
                  <div>
                    <p className="text-sm font-medium">
                      {a.serviceName} <span className="font-mono text-xs text-slate-500">{a.serviceId}</span>
                    </p>
                    {!a.selfControl && <p className="text-xs text-slate-500">{t('assignmentLocked')}</p>}
                  </div>
                  <OwnAssignableSwitch
                    key={`${a.assignable}-${a.selfControl}`}
                    serviceId={a.serviceId}
                    serviceName={a.serviceName}
                    value={a.assignable}
                    editable={a.selfControl}
                  />
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card>
          <ChangePasswordForm />
        </Card>
        <Card>
          <LocaleForm current={m.locale} />
        </Card>
      </div>
    </AppShell>
  );
}
