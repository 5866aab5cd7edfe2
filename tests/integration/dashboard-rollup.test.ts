import { eq, sql } from 'drizzle-orm';
import { categories, dashboardDirty, dashboardRollups, tickets } from '@/db/schema';
import { DASHBOARD_QUERIES, DIRECT_QUERIES, dashboardReport } from '@/lib/dashboard/report';
import { dayOf, parsePeriod, type Period } from '@/lib/dashboard/period';
import { rollupDashboards, rollupService } from '@/lib/dashboard/rollup';
import { dayStart } from '@/lib/tickets/time-zone';
import { makeAgent, makeService } from '../helpers/factories';
import { makeTicket } from '../helpers/tickets';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();
const SEOUL = 'Asia/Seoul';
const NEW_YORK = 'America/New_York';
const CHANNELS = ['email', 'helpcenter_web', 'api'] as const;
const DAY = 86_400_000;

/** A deterministic pseudo-random sequence. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function periods(timeZone: string): Period[] {
  const now = new Date();
  const today = dayOf(now, timeZone);
  const back = (n: number) => dayOf(new Date(now.getTime() - n * DAY), timeZone);
  return [
    parsePeriod({ period: 'today' }, now, timeZone),
    parsePeriod({ period: '7d' }, now, timeZone),
    parsePeriod({ period: '30d' }, now, timeZone),
    parsePeriod({ period: 'custom', from: back(45), to: today }, now, timeZone),
    parsePeriod({ period: 'custom', from: back(12), to: back(3) }, now, timeZone),
  ];
}

/** Every figure of every period: the rollup + live tail gives exactly what `tickets` gives. */
async function expectSameAsDirect(serviceId: string, timeZone: string) {
  for (const p of periods(timeZone))
    for (const name of Object.keys(DIRECT_QUERIES) as (keyof typeof DIRECT_QUERIES)[]) {
      const direct = (await DIRECT_QUERIES[name](db(), serviceId, p)).rows;
      const rolled = (await DASHBOARD_QUERIES[name](db(), serviceId, p)).rows;
      const sorted = (rows: unknown[]) =>
        name === 'backlog' ? [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : rows;
      expect({ name, period: `${p.fromDay}…${p.toDay} ${timeZone}`, rows: sorted(rolled) }).toEqual({
        name,
        period: `${p.fromDay}…${p.toDay} ${timeZone}`,
        rows: sorted(direct),
      });
    }
}

describe('dashboard rollup', () => {
  it('gives exactly the live figures before and after each run, across changes, time zones and day boundaries', async () => {
    const service = await makeService(db());
    const agents = [
      await makeAgent(db(), service.id, 'agent', {}, { name: '김상담' }),
      await makeAgent(db(), service.id, 'agent', {}, { name: '이상담' }),
      await makeAgent(db(), service.id, 'agent', {}, { name: '박상담' }),
    ];
    const cats = await db()
      .insert(categories)
      .values(
        ['결제', '배송', '회원', '기타'].map((name, i) => ({
          serviceId: service.id,
          kind: 'intake' as const,
          name,
          names: { ko: name },
          path: `/x${i}/`,
          depth: 1,
          position: i,
        })),
      )
      .returning({ id: categories.id });
    const r = rng(7);
    const now = Date.now();
    const created: Date[] = [];
    // Random instants over 50 days, plus the first and last millisecond of days in Seoul and in
    // New York (the rollup's day must be the same calendar day the live query groups by).
    for (let i = 0; i < 240; i++) created.push(new Date(now - 50 * DAY + Math.floor(r() * 50 * DAY)));
    for (let d = 2; d < 40; d += 3) {
      for (const tz of [SEOUL, NEW_YORK]) {
        const start = dayStart(dayOf(new Date(now - d * DAY), tz), tz).getTime();
        created.push(new Date(start), new Date(start - 1));
      }
    }
    const ids: string[] = [];
    for (const at of created) {
      const solved = r() < 0.5;
      const status = solved
        ? (['solved', 'closed'] as const)[Math.floor(r() * 2)]
        : (['new', 'open', 'pending'] as const)[Math.floor(r() * 3)];
      const assignee = status === 'new' ? null : agents[Math.floor(r() * 3)].member.id;
      const frt = status !== 'new' && r() < 0.8 ? r() * 900 : null;
      // Some solved right at a day boundary too (a solve in the small hours of the next day).
      const res = solved ? (r() < 0.1 ? 0 : 30 + r() * 4000) : null;
      const t = await makeTicket(db(), service.id, {
        createdAt: at,
        channel: CHANNELS[Math.floor(r() * 3)],
        spam: r() < 0.08,
        status,
        assigneeId: assignee,
        solvedById: solved ? assignee : null,
        firstRepliedAt: frt === null ? null : new Date(Math.min(now, at.getTime() + frt * 60_000)),
        solvedAt: res === null ? null : new Date(Math.min(now, at.getTime() + res * 60_000)),
        intakeTypeId: r() < 0.9 ? cats[Math.floor(r() * 4)].id : null,
      });
      ids.push(t.id);
    }
    // Nothing rolled up yet: every day is live.
    await expectSameAsDirect(service.id, SEOUL);

    const first = await rollupService(db(), service.id, { timeZone: SEOUL });
    expect(first.rebuilt).toBe(true);
    // Yesterday is closed an hour after midnight.
    const hourAgo = new Date(now - 60 * 60 * 1000);
    expect(first.throughDay).toBe(dayOf(new Date(dayStart(dayOf(hourAgo, SEOUL), SEOUL).getTime() - 1), SEOUL));
    expect((await db().select().from(dashboardDirty)).length).toBe(0);
    const [{ rows }] = [await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM dashboard_daily_counts`)];
    expect(rows[0].n).toBeGreaterThan(50);
    await expectSameAsDirect(service.id, SEOUL);
    // Another zone than the rollup's reads everything live, still exact.
    await expectSameAsDirect(service.id, NEW_YORK);

    // Changes to rolled days after the run: the triggers mark them and the reader goes live for them.
    const rows0 = await db().select().from(tickets).where(eq(tickets.serviceId, service.id));
    const old = (pred: (t: (typeof rows0)[number]) => boolean) =>
      rows0.find((t) => pred(t) && t.createdAt.getTime() < now - 5 * DAY && t.createdAt.getTime() > now - 25 * DAY)!;
    // A ticket solved days ago, reopened (solved_at kept), then solved again today: its old solve day loses it.
    const resolved = old((t) => t.status === 'solved' && !t.spam && t.solvedAt !== null && t.solvedById !== null);
    await db().update(tickets).set({ status: 'open' }).where(eq(tickets.id, resolved.id));
    await expectSameAsDirect(service.id, SEOUL);
    await db()
      .update(tickets)
      .set({ status: 'solved', solvedAt: new Date(), solvedById: agents[2].member.id })
      .where(eq(tickets.id, resolved.id));
    // Another marked spam; another's first reply and intake type set late; another taken.
    const spam = old((t) => !t.spam && t.solvedAt !== null && t.id !== resolved.id);
    await db().update(tickets).set({ spam: true }).where(eq(tickets.id, spam.id));
    const late = old((t) => !t.spam && t.firstRepliedAt === null && t.id !== spam.id);
    await db()
      .update(tickets)
      .set({ firstRepliedAt: new Date(), intakeTypeId: cats[3].id, status: 'open', assigneeId: agents[0].member.id })
      .where(eq(tickets.id, late.id));
    // A ticket imported with a past date, and one deleted.
    await makeTicket(db(), service.id, {
      createdAt: new Date(now - 20 * DAY),
      channel: 'api',
      status: 'open',
      assigneeId: agents[1].member.id,
    });
    await db()
      .delete(tickets)
      .where(eq(tickets.id, old((t) => !t.spam && t.id !== spam.id && t.id !== late.id && t.id !== resolved.id).id));
    expect((await db().select().from(dashboardDirty)).length).toBeGreaterThan(0);
    await expectSameAsDirect(service.id, SEOUL);

    // The next run recomputes the marked days and consumes the marks; still exact.
    const [second] = (await rollupDashboards(db(), { timeZone: SEOUL })).filter((x) => x.serviceId === service.id);
    expect(second).toMatchObject({ rebuilt: false, throughDay: first.throughDay });
    expect(second.marks).toBeGreaterThan(0);
    expect((await db().select().from(dashboardDirty)).length).toBe(0);
    await expectSameAsDirect(service.id, SEOUL);
    // Idempotent: a run with nothing new changes nothing.
    expect(await rollupService(db(), service.id, { timeZone: SEOUL })).toMatchObject({ days: 0, marks: 0 });
    await expectSameAsDirect(service.id, SEOUL);

    // The operator changes APP_TIME_ZONE: the next run rebuilds in the new zone.
    expect(await rollupService(db(), service.id, { timeZone: NEW_YORK })).toMatchObject({ rebuilt: true });
    const [state] = await db().select().from(dashboardRollups).where(eq(dashboardRollups.serviceId, service.id));
    expect(state.timeZone).toBe(NEW_YORK);
    await expectSameAsDirect(service.id, NEW_YORK);
    await expectSameAsDirect(service.id, SEOUL);

    // A change made now (today, the live tail) shows at once: the desk's live updates need no run.
    const p = parsePeriod({ period: 'today' }, new Date(), NEW_YORK);
    const before = await dashboardReport(db(), service.id, p);
    await makeTicket(db(), service.id, { channel: 'email' });
    const after = await dashboardReport(db(), service.id, p);
    const email = (x: typeof before) =>
      x.receivedByDay.filter((d) => d.channel === 'email').reduce((s, d) => s + d.n, 0);
    expect(email(after)).toBe(email(before) + 1);
  });
});
