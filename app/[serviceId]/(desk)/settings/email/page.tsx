import { getFormatter, getTranslations } from 'next-intl/server';
import { AccountRowActions, AddAccountButton } from '@/components/email/account-actions';
import { CopyButton } from '@/components/email/copy-button';
import { LayoutForm } from '@/components/email/layout-form';
import { SenderForm } from '@/components/email/sender-form';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { LinkTabs } from '@/components/ui/tabs';
import { DataTable, Td } from '@/components/ui/table';
import { mailSettingsScreen } from '@/db/queries/mail-settings';
import { MAIL_LAYOUT_EVENTS, type MailLayoutEvent } from '@/db/schema';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { mailDomain, representativeAddress } from '@/lib/mail/domain';
import { knownCodes } from '@/lib/substitution/values';

/** 이메일 설정 (SPEC §8): 대표 계정, 외부 계정, 발신 정보, 메일 레이아웃. Admins only. */
export default async function EmailSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<{ event?: string; lang?: string }>;
}) {
  const { serviceId } = await params;
  const sp = await searchParams;
  const { service } = await requireService(serviceId, { role: 'admin' });
  const db = getDb();
  const [screen, codes] = await Promise.all([mailSettingsScreen(db, service.id), knownCodes(db, service.id)]);
  const t = await getTranslations('email.settings');
  const format = await getFormatter();
  const rep = representativeAddress(service.id);
  const event: MailLayoutEvent = (MAIL_LAYOUT_EVENTS as readonly string[]).includes(sp.event ?? '')
    ? (sp.event as MailLayoutEvent)
    : 'solved';
  const lang = service.languages.includes(sp.lang ?? '') ? sp.lang! : (service.languages[0] ?? 'ko');
  const base = `/${service.id}/settings/email`;
  const layout = screen.layouts.find((l) => l.event === event && l.lang === lang);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <div className="space-y-6">
        <Card className="p-5">
          <h2 className="mb-2 text-base font-semibold">{t('representative')}</h2>
          {rep ? (
            <div className="flex flex-wrap items-center gap-3" data-testid="representative">
              <code className="rounded bg-slate-100 px-2 py-1 text-sm">{rep}</code>
              <CopyButton text={rep} />
              <p className="w-full text-sm text-slate-600">{t('representativeHelp')}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-600" data-testid="representative-off">
              {t('representativeOff')}
            </p>
          )}
        </Card>

        <Card className="p-5">
          <div className="mb-3 flex items-center justify-between gap-3">
            <h2 className="text-base font-semibold">{t('accounts')}</h2>
            <AddAccountButton serviceId={service.id} />
          </div>
          {screen.accounts.length === 0 ? (
            <EmptyState title={t('noAccounts')}>{t('accountHelp')}</EmptyState>
          ) : (
            <DataTable
              headers={[
                t('account'),
                t('folder'),
                t('afterImport'),
                t('state'),
                t('lastPoll'),
                { srOnly: t('actions') },
              ]}
            >
              {screen.accounts.map((a) => (
                <tr key={a.id} data-testid={`account-${a.username}`}>
                  <Td>
                    <div className="font-medium">{a.username}</div>
                    <div className="text-xs text-slate-500">{`${a.host}:${a.port}${a.tls ? ' · TLS' : ''}`}</div>
                  </Td>
                  <Td>{a.folder}</Td>
                  <Td>{a.afterImport === 'delete' ? t('afterImportDelete') : t('afterImportSeen')}</Td>
                  <Td>{a.active ? <Badge tone="green">{t('active')}</Badge> : <Badge>{t('inactive')}</Badge>}</Td>
                  <Td className="text-xs">
                    <div>
                      {a.lastPollAt
                        ? format.dateTime(a.lastPollAt, { dateStyle: 'medium', timeStyle: 'short' })
                        : t('never')}
                    </div>
                    {a.lastError && (
                      <div className="text-red-700" data-testid="account-error">
                        {t('lastError', { error: a.lastError })}
                      </div>
                    )}
                  </Td>
                  <Td>
                    <AccountRowActions
                      serviceId={service.id}
                      account={{
                        id: a.id,
                        host: a.host,
                        port: a.port,
                        tls: a.tls,
                        username: a.username,
                        folder: a.folder,
                        active: a.active,
                        afterImport: a.afterImport,
                      }}
                    />
                  </Td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>

        <Card className="p-5">
          <h2 className="mb-3 text-base font-semibold">{t('sender')}</h2>
          <SenderForm
            serviceId={service.id}
            senderName={screen.sender?.senderName ?? ''}
            senderAddress={screen.sender?.senderAddress ?? ''}
            defaults={{ name: service.name, address: process.env.MAIL_FROM_ADDRESS || `no-reply@${mailDomain()}` }}
          />
        </Card>

        <Card className="p-5">
          <h2 className="mb-1 text-base font-semibold">{t('layouts')}</h2>
          <p className="mb-3 text-sm text-slate-600">{t('layoutsIntro')}</p>
          <LinkTabs
            label={t('layoutEvent')}
            current={event}
            tabs={MAIL_LAYOUT_EVENTS.map((e) => ({
              id: e,
              label: t(`event.${e}`),
              href: `${base}?${new URLSearchParams({ event: e, lang })}`,
            }))}
          />
          <LinkTabs
            label={t('layoutLang')}
            current={lang}
            tabs={service.languages.map((l) => ({
              id: l,
              label: l.toUpperCase(),
              href: `${base}?${new URLSearchParams({ event, lang: l })}`,
            }))}
          />
          <LayoutForm
            key={`${event}-${lang}`}
            serviceId={service.id}
            event={event}
            lang={lang}
            body={layout?.body ?? ''}
            codes={[...codes].sort()}
            editorType={service.editorType === 'text' ? 'text' : 'html'}
          />
        </Card>
      </div>
    </>
  );
}
