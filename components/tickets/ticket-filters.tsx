import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@/db/values';
import type { ListParams } from '@/lib/tickets/list-params';

type Option = { id: string; label: string };
const control = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

function Select({
  id,
  name,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  all: string;
  options: Option[];
}) {
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} className={control}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list filters as a plain GET form: works without JavaScript, and the URL is shareable. */
export async function TicketFilters({
  params: p,
  intake,
  processing,
  agents,
  groups,
  fixedStatus,
  fixedAssignee,
}: {
  params: ListParams;
  intake: Option[];
  processing: Option[];
  agents: Option[];
  groups: Option[];
  fixedStatus: boolean;
  fixedAssignee: boolean;
}) {
  const t = await getTranslations('tickets');
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      role="search"
      aria-label={t('filters.label')}
    >
      <input type="hidden" name="menu" value={p.menu} />
      <div className="flex flex-col gap-1 text-xs text-slate-600">
        <label htmlFor="f-q">{t('filters.q')}</label>
        <input
          id="f-q"
          type="search"
          name="q"
          defaultValue={p.q}
          placeholder={t('filters.qPlaceholder')}
          className={`${control} w-56`}
        />
      </div>
      {!fixedStatus && (
        <Select
          id="f-status"
          name="status"
          label={t('filters.status')}
          value={p.statuses[0]}
          all={t('filters.all')}
          options={TICKET_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))}
        />
      )}
      <Select
        id="f-priority"
        name="priority"
        label={t('filters.priority')}
        value={p.priority}
        all={t('filters.all')}
        options={TICKET_PRIORITIES.map((s) => ({ id: s, label: t(`priority.${s}`) }))}
      />
      <Select
        id="f-intake"
        name="intake"
        label={t('filters.intake')}
        value={p.intakeTypeId}
        all={t('filters.all')}
        options={intake}
      />
      <Select
        id="f-processing"
        name="processing"
        label={t('filters.processing')}
        value={p.processingTypeId}
        all={t('filters.all')}
        options={processing}
      />
      {!fixedAssignee && (
        <Select
          id="f-assignee"
          name="assignee"
          label={t('filters.assignee')}
          value={p.assigneeId}
          all={t('filters.all')}
          options={agents}
        />
      )}
      <Select
        id="f-group"
        name="group"
        label={t('filters.group')}
        value={p.groupId}
        all={t('filters.all')}
        options={groups}
      />
      <Select
        id="f-channel"
        name="channel"
        label={t('filters.channel')}
        value={p.channel}
        all={t('filters.all')}
        options={TICKET_CHANNELS.map((s) => ({ id: s, label: t(`channel.${s}`) }))}
      />
      <div className="flex flex-col gap-1 text-xs text-slate-600">
        <label htmlFor="f-from">{t('filters.from')}</label>
        <input id="f-from" type="date" name="from" defaultValue={p.from} className={control} />
      </div>
      <div className="flex flex-col gap-1 text-xs text-slate-600">
        <label htmlFor="f-to">{t('filters.to')}</label>
        <input id="f-to" type="date" name="to" defaultValue={p.to} className={control} />
      </div>
      <Select
        id="f-order"
        name="order"
        label={t('filters.order')}
        value={p.order === 'oldest' ? 'oldest' : ''}
        all={t('filters.newest')}
        options={[{ id: 'oldest', label: t('filters.oldest') }]}
      />
      <button className="h-9 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
        {t('filters.apply')}
      </button>
      <Link
        href={`?menu=${p.menu}`}
        className="h-9 content-center rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50"
      >
        {t('filters.reset')}
      </Link>
    </form>
  );
}
