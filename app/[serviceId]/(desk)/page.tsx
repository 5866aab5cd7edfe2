import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge, PageHeader } from '@/components/ui/card';
import { DashboardBars } from '@/components/dashboard/charts';
import { PeriodPicker } from '@/components/dashboard/period-picker';
import { ticketLabels } from '@/db/queries/ticket-labels';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { dayOf, daysOf, parsePeriod } from '@/lib/dashboard/period';
import { dashboardReport } from '@/lib/dashboard/report';
import { dashboard } from '@/lib/tickets/dashboard';
import { TICKET_CHANNELS } from '@/db/schema';

function Stat({ label, value, href }: { label: string; value: string | number; href?: string }) {
  const inner = (
    <>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</dd>
    </>
  );
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      {href ? (
        <Link href={href} className="block hover:text-brand-700">
          {inner}
        </Link>
      ) : (
        inner
      )}
    </div>
  );
}

const BUCKET_DAYS: Record<string, [number, number | null]> = {
  lt1d: [0, 1],
  '1to3d': [1, 3],
  '3to7d': [3, 7],
  '7to30d': [7, 30],
  gt30d: [30, null],
};

/** 대시보드: the service at a glance, the agent's own work (SPEC §2) and a period's charts. */
export default async function ServiceHome({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { serviceId } = await params;
  const { service, role, session } = await requireService(serviceId);
  const t = await getTranslations('home');
  const td = await getTranslations('dashboard');
  const tt = await getTranslations('tickets');
  const format = await getFormatter();
  const lang = await getLocale();
  const db = getDb();
  const period = parsePeriod(await searchParams);
  const [d, r] = await Promise.all([
    dashboard(db, service.id, session.member.id),
    dashboardReport(db, service.id, period),
  ]);
  const label = await ticketLabels(db, service.id, lang, {
    categories: r.topIntake.map((x) => x.intakeTypeId),
    members: r.agents.map((a) => a.memberId),
    groups: [],
  });
  const n = (x: number) => format.number(x);
  const rate = d.received24h ? format.number(d.processed24h / d.received24h, { style: 'percent' }) : '-';
  const list = `/${service.id}/tickets`;
  const q = (o: Record<string, string | string[]>) => {
    const u = new URLSearchParams({ menu: 'all' });
    for (const [k, v] of Object.entries(o)) for (const x of [v].flat()) u.append(k, x);
    return `${list}?${u}`;
  };
  const range = { from: period.fromDay, to: period.toDay };
  const days = daysOf(period);
  const channels = TICKET_CHANNELS.filter((c) => r.receivedByDay.some((x) => x.channel === c));
  const received = days.map((day) => ({
    label: day.slice(5),
    values: Object.fromEntries(
      channels.map((c) => [c, r.receivedByDay.find((x) => x.day === day && x.channel === c)?.n ?? 0]),
    ),
    hrefs: Object.fromEntries(channels.map((c) => [c, q({ from: day, to: day, channel: c })])),
  }));
  const solved = days.map((day) => ({
    label: day.slice(5),
    values: { n: r.solvedByDay.find((x) => x.day === day)?.n ?? 0 },
    hrefs: { n: q({ status: ['solved', 'closed'], from: day, to: day }) },
  }));
  const today = dayOf(new Date(), period.timeZone);
  const minus = (k: number) => {
    const x = new Date(`${today}T00:00:00Z`);
    x.setUTCDate(x.getUTCDate() - k);
    return x.toISOString().slice(0, 10);
  };
  const backlog = r.backlog.map((b) => {
    const [lo, hi] = BUCKET_DAYS[b.bucket];
    const dates: Record<string, string> = { to: minus(lo) };
    if (hi !== null) dates.from = minus(hi - 1);
    return {
      label: td(`age.${b.bucket}`),
      values: { n: b.n },
      hrefs: { n: q({ status: ['new', 'open', 'pending'], ...dates }) },
    };
  });
  const agents = r.agents.slice(0, 15).map((a) => ({
    label: label(a.memberId) || '-',
    values: { open: a.open, solved: a.solved },
    hrefs: {
      open: q({ assignee: a.memberId, status: 'open' }),
      solved: q({ assignee: a.memberId, status: ['solved', 'closed'], ...range }),
    },
  }));
  const intake = r.topIntake.map((x) => ({
    label: label(x.intakeTypeId) || '-',
    values: { n: x.n },
    hrefs: { n: q({ intake: x.intakeTypeId, ...range }) },
  }));
  const minutes = (m: number | null) =>
    m === null
      ? '-'
      : m < 60
        ? td('minutes', { n: Math.round(m) })
        : m < 1440
          ? td('hours', { n: format.number(m / 60, { maximumFractionDigits: 1 }) })
          : td('days', { n: format.number(m / 1440, { maximumFractionDigits: 1 }) });
  return (
    <>
      <PageHeader
        title={service.name}
        description={t('serviceIntro', { id: service.id, languages: service.languages.join(', ') })}
        actions={
          <Badge tone="blue">
            {t('role')}: {role === 'admin' ? t('roleAdmin') : t('roleAgent')}
          </Badge>
        }
      />
      <h2 className="mb-3 text-sm font-medium text-slate-700">{t('dash.service')}</h2>
      <dl className="mb-8 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t('dash.agents')} value={n(d.agents)} />
        <Stat label={t('dash.receivedToday')} value={n(d.receivedToday)} href={q({ from: today, to: today })} />
        <Stat
          label={t('dash.unassigned')}
          value={`${n(d.unassignedToday)} / ${n(d.unassignedTotal)}`}
          href={`${list}?menu=unassigned`}
        />
        <Stat label={t('dash.rate')} value={rate} />
      </dl>
      <h2 className="mb-3 text-sm font-medium text-slate-700">{t('dash.mine')}</h2>
      <dl className="mb-8 grid gap-3 sm:grid-cols-3">
        <Stat label={t('dash.myOpen')} value={n(d.myOpen)} href={`${list}?menu=mine_open`} />
        <Stat label={t('dash.myPending')} value={n(d.myPending)} href={`${list}?menu=mine_pending`} />
        <Stat label={t('dash.myDooray')} value={n(d.myDooray)} />
      </dl>
      <h2 className="mb-3 text-sm font-medium text-slate-700">{td('title')}</h2>
      <PeriodPicker base={`/${service.id}`} period={period} />
      <dl className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-times">
        <Stat label={td('frtMedian')} value={minutes(r.firstResponse.median)} />
        <Stat label={td('frtP90')} value={minutes(r.firstResponse.p90)} />
        <Stat label={td('resMedian')} value={minutes(r.resolution.median)} />
        <Stat label={td('resP90')} value={minutes(r.resolution.p90)} />
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <DashboardBars
          title={td('received')}
          series={channels.map((c) => ({ key: c, label: tt(`channel.${c}`) }))}
          points={received}
          stacked
        />
        <DashboardBars title={td('solved')} series={[{ key: 'n', label: td('solvedSeries') }]} points={solved} />
        <DashboardBars title={td('backlog')} series={[{ key: 'n', label: td('backlogSeries') }]} points={backlog} />
        <DashboardBars
          title={td('agents')}
          series={[
            { key: 'open', label: td('agentOpen') },
            { key: 'solved', label: td('agentSolved') },
          ]}
          points={agents}
        />
        <DashboardBars title={td('intake')} series={[{ key: 'n', label: td('intakeSeries') }]} points={intake} />
      </div>
    </>
  );
}
