import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { IssueKeyButton, RevokeKeyButton } from '@/components/openapi/api-key-actions';
import { ApiSettingsForm } from '@/components/openapi/api-settings-form';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { DataTable, Td } from '@/components/ui/table';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { appUrl } from '@/lib/app-url';
import { organizationId } from '@/lib/openapi/authenticate';
import { listApiKeys, ROTATION_GRACE_HOURS } from '@/lib/openapi/keys';
import { loadApiSettings } from '@/lib/openapi/settings';

/** 서비스 관리 → 인증: the Open API switch, service keys (shown once), the IP allow-list and use counts. */
export default async function ApiAuthPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const db = getDb();
  const [keys, settings, org] = await Promise.all([
    listApiKeys(db, service.id),
    loadApiSettings(db, service.id),
    organizationId(db),
  ]);
  const t = await getTranslations('apiAuth');
  const format = await getFormatter();
  const live = keys.some((k) => !k.revokedAt && !k.expiresAt);
  const base = `${appUrl()}/${service.id}`;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={<IssueKeyButton serviceId={service.id} rotating={live} graceHours={ROTATION_GRACE_HOURS} />}
      />
      <Card className="mb-6 space-y-2 p-4 text-sm">
        <p>
          <span className="font-medium text-slate-700">{t('orgId')}</span>{' '}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono" data-testid="api-org-id">
            {org}
          </code>
        </p>
        <p>
          <span className="font-medium text-slate-700">{t('baseUrl')}</span>{' '}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">{base}/openapi/v1/</code>
        </p>
        <p className="text-slate-600">{t('signingNote')}</p>
        <p>
          <Link className="text-brand-700 hover:underline" href={`/${service.id}/openapi/docs`}>
            {t('reference')}
          </Link>
        </p>
      </Card>
      <h2 className="mb-2 text-base font-semibold">{t('keys')}</h2>
      {keys.length === 0 ? (
        <EmptyState title={t('noKeys')} />
      ) : (
        <DataTable headers={[t('key'), t('status'), t('createdAt'), t('today'), t('last7'), { srOnly: t('actions') }]}>
          {keys.map((k) => {
            const expired = k.expired;
            return (
              <tr key={k.id} data-testid={`api-key-${k.hint}`}>
                <Td className="font-mono">••••{k.hint}</Td>
                <Td>
                  {k.revokedAt ? (
                    <Badge tone="red">{t('stateRevoked')}</Badge>
                  ) : expired ? (
                    <Badge tone="slate">{t('stateExpired')}</Badge>
                  ) : k.expiresAt ? (
                    <Badge tone="amber">
                      {t('stateGrace', {
                        time: format.dateTime(k.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
                      })}
                    </Badge>
                  ) : (
                    <Badge tone="green">{t('stateActive')}</Badge>
                  )}
                </Td>
                <Td className="text-slate-500">
                  {format.dateTime(k.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </Td>
                <Td>{format.number(k.today)}</Td>
                <Td>{format.number(k.last7)}</Td>
                <Td>
                  {!k.revokedAt && !expired && <RevokeKeyButton serviceId={service.id} keyId={k.id} hint={k.hint} />}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <h2 className="mt-8 mb-2 text-base font-semibold">{t('settings')}</h2>
      <Card className="p-4">
        <ApiSettingsForm serviceId={service.id} settings={settings} />
      </Card>
    </>
  );
}
