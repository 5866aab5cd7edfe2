import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { Badge } from '@/components/ui/card';
import { categoryOptions, withCurrent } from '@/components/tickets/category-options';
import { Conversation } from '@/components/tickets/conversation';
import { HistoryList } from '@/components/tickets/history-list';
import { TicketDeliveries } from '@/components/triggers/ticket-deliveries';
import { ReplyForm } from '@/components/tickets/reply-form';
import { TicketPresence } from '@/components/live/ticket-presence';
import { AgentFieldsForm } from '@/components/tickets/agent-fields-form';
import { RevealValue } from '@/components/tickets/reveal-value';
import { TicketActions } from '@/components/tickets/ticket-actions';
import { StarButton } from '@/components/tickets/star-button';
import { TicketTabs } from '@/components/tickets/ticket-tabs';
import { DoorayTab } from '@/components/channels/dooray-tab';
import { DoorayTicketActions } from '@/components/channels/dooray-ticket-actions';
import { SmsHistory } from '@/components/channels/sms-history';
import { SmsSendButton } from '@/components/channels/sms-send-button';
import { ACTIVE_DOORAY } from '@/lib/dooray/transfer';
import { STATUS_TONE } from '@/components/tickets/priority';
import { canTransfer } from '@/lib/auth/access';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { NotFoundError } from '@/lib/errors';
import { displayFieldValue } from '@/lib/fields/display';
import type { FieldOption } from '@/db/values';
import { MASK } from '@/lib/pii/read-field-values';
import { mayReveal } from '@/lib/pii/reveal-field';
import { COLUMN_CODES } from '@/lib/tickets/create-ticket';
import { ticketIdByNumber } from '@/lib/tickets/snapshot';
import { loadTicketView } from '@/lib/tickets/ticket-view';

const fieldView = (f: {
  code: string;
  type: string;
  names: Record<string, string>;
  descriptions: Record<string, string>;
  placeholders: Record<string, string>;
  options: { value: string; labels: Record<string, string> }[];
  required: boolean;
  maxLength: number;
}) => ({
  code: f.code,
  type: f.type as never,
  names: f.names,
  descriptions: f.descriptions,
  placeholders: f.placeholders,
  options: f.options,
  required: f.required,
  maxLength: f.maxLength,
});

export default async function TicketPage({ params }: { params: Promise<{ serviceId: string; number: string }> }) {
  const { serviceId, number } = await params;
  const access = await requireService(serviceId);
  const { service, session, role } = access;
  const db = getDb();
  const lang = await getLocale();
  let ticketId: string;
  try {
    ticketId = await ticketIdByNumber(db, service.id, /^\d{1,9}$/.test(number) ? Number(number) : -1);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const me = session.member.id;
  const view = await loadTicketView(db, access, me, ticketId, lang);
  const {
    row,
    messages,
    history,
    fieldDefs,
    values,
    customerLayout,
    agentLayout,
    intake,
    processing,
    targets,
    mine,
    groups: groupRows,
    myGroups,
    draft,
    dooray,
    doorayOrg: dOrg,
    doorayProjects: dProjects,
    sms,
    codes,
    labels: label,
  } = view;
  const inDooray = (ACTIVE_DOORAY as readonly string[]).includes(row.status);
  const td = await getTranslations('channels.dooray');
  const t = await getTranslations('tickets');
  const formatDate = await getFormatDate();
  const tx = await getTranslations('ticketExtra');
  const categoryLabel = (id: string | null) =>
    label.deleted(id) ? tx('deletedCategory', { name: label(id) }) : label(id);
  const defaultLang = service.languages[0] ?? 'ko';
  const show = (code: string, field?: { type: string; options: FieldOption[] }) => {
    const v = values[code];
    if (!v) return '';
    if (v.destroyed) return t('destroyed');
    if (v.masked) return String(v.value);
    return displayFieldValue(field, v.value, { lang, defaultLang, yes: t('yes'), no: t('no') });
  };
  const revealable = mayReveal({ role, member: session.member }, row);
  // On screen a masked value gets 보기 for those who may reveal it (each reveal is logged).
  const shown = (code: string, label: string, field?: { type: string; options: FieldOption[] }): ReactNode => {
    const v = values[code];
    if (v?.masked && !v.destroyed && revealable)
      return <RevealValue serviceId={service.id} ticketId={row.id} code={code} label={label} mask={MASK} />;
    return show(code, field);
  };
  const customerFields = customerLayout.fields.filter(
    (f) => f.visible && !COLUMN_CODES.has(f.code) && f.type !== 'caption' && f.type !== 'file',
  );
  const agentFields = agentLayout.fields.filter(
    (f) => f.visible && f.code !== 'processingType' && f.type !== 'caption' && f.type !== 'file',
  );
  const agentValues = Object.fromEntries(
    agentFields.map((f) => [
      f.code,
      f.code === 'priority' ? row.priority : values[f.code]?.masked ? null : (values[f.code]?.value ?? null),
    ]),
  );
  return (
    <article className="flex flex-col gap-6">
      <TicketPresence key={row.id} serviceId={service.id} ticketId={row.id} />
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-sm text-slate-500">
              #{row.number} · {t(`channel.${row.channel}`)} · {row.language}
            </p>
            <h1 className="mt-1 flex items-center gap-2 text-xl font-semibold text-slate-900">
              <StarButton serviceId={service.id} ticketId={row.id} starred={row.starred} />
              <span className="break-all">{row.subject}</span>
            </h1>
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={STATUS_TONE[row.status]}>{t(`status.${row.status}`)}</Badge>
              {row.spam && <Badge tone="red">{t('menu.spam')}</Badge>}
              {row.internalReason && <Badge>{t(`reason.${row.internalReason}`)}</Badge>}
              <span>
                {t('col.priority')}: {t(`priority.${row.priority}`)}
              </span>
              <span>
                · {t('col.assignee')}: {label(row.assigneeId) || t('noAssignee')}
              </span>
              {row.groupId && (
                <span>
                  · {t('col.group')}: {label(row.groupId)}
                </span>
              )}
              <span>
                · {t('col.intake')}: {categoryLabel(row.intakeTypeId) || '-'}
              </span>
              {row.processingTypeId && (
                <span>
                  · {t('col.processing')}: {categoryLabel(row.processingTypeId)}
                </span>
              )}
              <span>
                · {t('col.createdAt')}: {formatDate(row.createdAt, 'dateTime')}
              </span>
            </p>
          </div>
          <TicketActions
            serviceId={service.id}
            ticket={{
              id: row.id,
              version: row.version,
              status: row.status,
              spam: row.spam,
              assigneeId: row.assigneeId,
            }}
            me={me}
            canTake={Boolean(mine)}
            canTransfer={canTransfer(access)}
            isAdmin={role === 'admin'}
            myGroups={groupRows.filter((g) => myGroups.includes(g.id))}
            targets={targets.filter((a) => a.memberId !== row.assigneeId)}
          />
          <div className="flex flex-wrap gap-2">
            <DoorayTicketActions
              serviceId={service.id}
              ticket={{ id: row.id, version: row.version }}
              canTransfer={Boolean(
                dooray?.enabled &&
                !dooray.paused &&
                dOrg &&
                dProjects.length &&
                !row.spam &&
                !inDooray &&
                row.status !== 'closed',
              )}
              canComment={Boolean(dOrg && inDooray)}
              projects={dProjects.map((p) => ({ id: p.id, name: p.name }))}
              defaults={{ subject: '[#{ticketNo}] #{subject}', body: '#{inquiry}\n\n#{ticketUrl}' }}
            />
            {sms && sms.allowedSenders.length > 0 && !row.spam && (
              <SmsSendButton
                serviceId={service.id}
                ticketId={row.id}
                senders={sms.allowedSenders}
                requesterPhone={row.requesterPhone || (values.phone ? show('phone') : null)}
                codes={[...codes].sort()}
              />
            )}
          </div>
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t('requester.name')}</dt>
            <dd>{row.requesterName || shown('name', t('requester.name')) || '-'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('requester.email')}</dt>
            <dd className="break-all">{row.requesterEmail || shown('mail', t('requester.email')) || '-'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('requester.phone')}</dt>
            <dd>{row.requesterPhone || shown('phone', t('requester.phone')) || '-'}</dd>
          </div>
          {customerFields
            .filter((f) => !['name', 'mail', 'phone'].includes(f.code))
            .map((f) => (
              <div key={f.id}>
                <dt className="text-slate-500">{f.names[lang] || f.names[defaultLang] || f.code}</dt>
                <dd className="break-all whitespace-pre-wrap">
                  {shown(f.code, f.names[lang] || f.names[defaultLang] || f.code, f) || '-'}
                </dd>
              </div>
            ))}
        </dl>
      </header>
      <TicketTabs
        labels={{ conversation: t('tabs.conversation'), history: t('tabs.history') }}
        conversation={<Conversation serviceId={service.id} messages={messages} />}
        history={
          <>
            <HistoryList rows={history} fields={fieldDefs} defaultLang={defaultLang} />
            <div className="mt-4">
              <SmsHistory ticketId={row.id} rows={view.smsMessages} />
            </div>
            <div className="mt-4">
              <TicketDeliveries serviceId={service.id} ticketId={row.id} rows={view.deliveries} />
            </div>
          </>
        }
        extra={
          view.doorayTab
            ? [{ id: 'dooray', label: td('tab'), content: <DoorayTab conversation={view.doorayTab} /> }]
            : []
        }
      />
      <ReplyForm
        key={row.id}
        editorHtml={service.editorType !== 'text'}
        draft={draft?.body ?? null}
        serviceId={service.id}
        ticketId={row.id}
        version={row.version}
        spam={row.spam}
        closed={row.status === 'closed'}
        hasEmail={Boolean(row.requesterEmail || values.mail)}
      />
      <AgentFieldsForm
        serviceId={service.id}
        ticketId={row.id}
        version={row.version}
        lang={lang}
        defaultLang={defaultLang}
        intakeTypeId={row.intakeTypeId}
        processingTypeId={row.processingTypeId}
        intake={withCurrent(categoryOptions(intake), row.intakeTypeId, categoryLabel(row.intakeTypeId))}
        processing={withCurrent(categoryOptions(processing), row.processingTypeId, categoryLabel(row.processingTypeId))}
        fields={agentFields.map(fieldView)}
        values={agentValues}
        disabled={row.spam || row.status === 'closed'}
      />
    </article>
  );
}
