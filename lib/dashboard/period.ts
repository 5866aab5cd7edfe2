import { appTimeZone, dayStart } from '@/lib/tickets/time-zone';

export const PERIODS = ['today', '7d', '30d', 'custom'] as const;
export type PeriodKind = (typeof PERIODS)[number];
/** A dashboard period: whole calendar days [fromDay, toDay] in the service time zone. */
export type Period = { kind: PeriodKind; fromDay: string; toDay: string; from: Date; to: Date; timeZone: string };

const DAY_RE = /^\d{4}-\d\d-\d\d$/;
/** The longest custom period (the per-day charts stay readable and the queries bounded). */
export const MAX_DAYS = 366;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The days of a period, first to last. */
export function daysOf(p: Pick<Period, 'fromDay' | 'toDay'>): string[] {
  const out: string[] = [];
  for (let d = p.fromDay; d <= p.toDay && out.length <= MAX_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Reads `?period=&from=&to=`; anything malformed falls back to the last 7 days. */
export function parsePeriod(
  sp: Record<string, string | string[] | undefined>,
  now = new Date(),
  timeZone = appTimeZone(),
): Period {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const today = dayOf(now, timeZone);
  const valid = (v?: string) => (v && DAY_RE.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);
  let kind = (PERIODS as readonly string[]).includes(one(sp.period) ?? '') ? (one(sp.period) as PeriodKind) : '7d';
  let fromDay = today;
  let toDay = today;
  if (kind === '7d') fromDay = addDays(today, -6);
  else if (kind === '30d') fromDay = addDays(today, -29);
  else if (kind === 'custom') {
    const f = valid(one(sp.from));
    const t = valid(one(sp.to));
    if (f && t && f <= t && daysOf({ fromDay: f, toDay: t }).length <= MAX_DAYS) [fromDay, toDay] = [f, t];
    else [kind, fromDay] = ['7d', addDays(today, -6)];
  }
  return {
    kind,
    fromDay,
    toDay,
    from: dayStart(fromDay, timeZone),
    to: dayStart(addDays(toDay, 1), timeZone),
    timeZone,
  };
}
