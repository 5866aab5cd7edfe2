import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@/db/values';
import type { ListParams } from '@/lib/tickets/list-params';

type Option = { id: string; label: string };
const control = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** One labelled filter: the label above its control. */
function Filter({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

type Choice = { name: string; value?: string; options: Option[] };

/** A menu filter named `name`, with `all` (no filter) first. */
function Select({ name, label, value, all, options }: Choice & { label: string; all: string }) {
  return (
    <Filter id={`f-${name}`} label={label}>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ''} className={control}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </Filter>
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
  // The menus in screen order; a menu whose value the list fixes (내 티켓's assignee) is left out.
  const menus: Choice[] = [
    ...(fixedStatus
      ? []
      : [
          {
            name: 'status',
            value: p.statuses[0],
            options: TICKET_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) })),
          },
        ]),
    {
      name: 'priority',
      value: p.priority,
      options: TICKET_PRIORITIES.map((s) => ({ id: s, label: t(`priority.${s}`) })),
    },
    { name: 'intake', value: p.intakeTypeId, options: intake },
    { name: 'processing', value: p.processingTypeId, options: processing },
    ...(fixedAssignee ? [] : [{ name: 'assignee', value: p.assigneeId, options: agents }]),
    { name: 'group', value: p.groupId, options: groups },
    {
      name: 'channel',
      value: p.channel,
      options: TICKET_CHANNELS.map((s) => ({ id: s, label: t(`channel.${s}`) })),
    },
  ];
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      role="search"
      aria-label={t('filters.label')}
    >
      <input type="hidden" name="menu" value={p.menu} />
      <Filter id="f-q" label={t('filters.q')}>
        <input
          id="f-q"
          type="search"
          name="q"
          defaultValue={p.q}
          placeholder={t('filters.qPlaceholder')}
          className={`${control} w-56`}
        />
      </Filter>
      {menus.map((m) => (
        <Select key={m.name} {...m} label={t(`filters.${m.name}`)} all={t('filters.all')} />
      ))}
      {(['from', 'to'] as const).map((name) => (
        <Filter key={name} id={`f-${name}`} label={t(`filters.${name}`)}>
          <input id={`f-${name}`} type="date" name={name} defaultValue={p[name]} className={control} />
        </Filter>
      ))}
      <Select
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
