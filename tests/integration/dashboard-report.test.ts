import { categories } from '@/db/schema';
import { dashboardReport } from '@/lib/dashboard/report';
import { parsePeriod } from '@/lib/dashboard/period';
import { makeAgent, makeService } from '../helpers/factories';
import { makeTicket } from '../helpers/tickets';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();
const TZ = 'Asia/Seoul';
const CHANNELS = ['email', 'helpcenter_web', 'api'] as const;

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

/** A deterministic pseudo-random sequence (the figures are computed from the same rows below). */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('dashboard report', () => {
  it('returns for a period the figures computed independently from the seeded tickets', async () => {
    const service = await makeService(db());
    const a = await makeAgent(db(), service.id, 'agent', {}, { name: '김상담' });
    const b = await makeAgent(db(), service.id, 'agent', {}, { name: '이상담' });
    const cats = await db()
      .insert(categories)
      .values(
        ['결제', '배송', '회원'].map((name, i) => ({
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
    // Midnight of 2026-03-10 in Seoul is 2026-03-09T15:00Z; the period is 03-10 … 03-12 (3 days).
    const start = Date.parse('2026-03-09T15:00:00Z');
    const now = new Date('2026-03-12T12:00:00+09:00');
    const period = parsePeriod({ period: 'custom', from: '2026-03-10', to: '2026-03-12' }, now, TZ);
    const r = rng(42);
    const rows: {
      created: Date;
      channel: string;
      spam: boolean;
      status: string;
      assignee: string | null;
      solvedBy: string | null;
      frt: number | null;
      res: number | null;
      intake: string;
    }[] = [];
    for (let i = 0; i < 60; i++) {
      // From a day before the period to a day after it, so the bounds matter.
      const created = new Date(start - 86400000 + Math.floor(r() * 5 * 86400000));
      const solved = r() < 0.5;
      const row = {
        created,
        channel: CHANNELS[Math.floor(r() * 3)],
        spam: r() < 0.1,
        status: solved ? 'solved' : (['new', 'open', 'pending'] as const)[Math.floor(r() * 3)],
        assignee: r() < 0.5 ? a.member.id : b.member.id,
        solvedBy: null as string | null,
        frt: r() < 0.8 ? Math.floor(r() * 600) : null,
        res: solved ? 60 + Math.floor(r() * 3000) : null,
        intake: cats[Math.floor(r() * 3)].id,
      };
      if (solved) row.solvedBy = row.assignee;
      rows.push(row);
      await makeTicket(db(), service.id, {
        createdAt: created,
        channel: row.channel as never,
        spam: row.spam,
        status: row.status as never,
        assigneeId: row.status === 'new' ? null : row.assignee,
        solvedById: row.solvedBy,
        firstRepliedAt: row.frt === null ? null : new Date(created.getTime() + row.frt * 60000),
        solvedAt: row.res === null ? null : new Date(created.getTime() + row.res * 60000),
        intakeTypeId: row.intake,
      });
    }
    const report = await dashboardReport(db(), service.id, period);

    const seoulDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d);
    const inPeriod = (d: Date) => d >= period.from && d < period.to;
    const live = rows.filter((x) => !x.spam);
    const received = new Map<string, number>();
    for (const x of live.filter((x) => inPeriod(x.created)))
      received.set(
        `${seoulDay(x.created)} ${x.channel}`,
        (received.get(`${seoulDay(x.created)} ${x.channel}`) ?? 0) + 1,
      );
    expect(report.receivedByDay.map((x) => [`${x.day} ${x.channel}`, x.n]).sort()).toEqual(
      [...received.entries()].sort(),
    );

    const solvedAt = (x: (typeof rows)[number]) => new Date(x.created.getTime() + x.res! * 60000);
    const solvedInPeriod = live.filter((x) => x.res !== null && inPeriod(solvedAt(x)));
    const solvedByDay = new Map<string, number>();
    for (const x of solvedInPeriod)
      solvedByDay.set(seoulDay(solvedAt(x)), (solvedByDay.get(seoulDay(solvedAt(x))) ?? 0) + 1);
    expect(report.solvedByDay.map((x) => [x.day, x.n])).toEqual([...solvedByDay.entries()].sort());

    const created = live.filter((x) => inPeriod(x.created));
    const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
    expect(report.firstResponse).toEqual({
      median: round(
        percentile(
          created.filter((x) => x.frt !== null).map((x) => x.frt!),
          0.5,
        ),
      ),
      p90: round(
        percentile(
          created.filter((x) => x.frt !== null).map((x) => x.frt!),
          0.9,
        ),
      ),
    });
    expect(report.resolution).toEqual({
      median: round(
        percentile(
          created.filter((x) => x.res !== null).map((x) => x.res!),
          0.5,
        ),
      ),
      p90: round(
        percentile(
          created.filter((x) => x.res !== null).map((x) => x.res!),
          0.9,
        ),
      ),
    });

    const unresolved = live.filter((x) => ['new', 'open', 'pending'].includes(x.status));
    expect(report.backlog.reduce((s, x) => s + x.n, 0)).toBe(unresolved.length);

    for (const m of [a, b]) {
      const mine = report.agents.find((x) => x.memberId === m.member.id);
      expect(mine ?? { open: 0, solved: 0 }).toMatchObject({
        open: live.filter((x) => x.status === 'open' && x.assignee === m.member.id).length,
        solved: solvedInPeriod.filter((x) => x.solvedBy === m.member.id).length,
      });
    }

    const byIntake = new Map<string, number>();
    for (const x of created) byIntake.set(x.intake, (byIntake.get(x.intake) ?? 0) + 1);
    expect(Object.fromEntries(report.topIntake.map((x) => [x.intakeTypeId, x.n]))).toEqual(
      Object.fromEntries(byIntake),
    );
    expect(report.topIntake.map((x) => x.n)).toEqual([...report.topIntake.map((x) => x.n)].sort((p, q) => q - p));
  });

  it('reads the period from the URL in the service time zone and falls back to 7 days on a bad range', () => {
    const now = new Date('2026-03-12T00:30:00+09:00'); // still 03-11 in UTC
    expect(parsePeriod({ period: 'today' }, now, TZ)).toMatchObject({
      kind: 'today',
      fromDay: '2026-03-12',
      toDay: '2026-03-12',
      from: new Date('2026-03-11T15:00:00Z'),
      to: new Date('2026-03-12T15:00:00Z'),
    });
    expect(parsePeriod({ period: '30d' }, now, TZ)).toMatchObject({ fromDay: '2026-02-11', toDay: '2026-03-12' });
    expect(parsePeriod({ period: 'custom', from: '2026-03-12', to: '2026-03-01' }, now, TZ)).toMatchObject({
      kind: '7d',
      fromDay: '2026-03-06',
    });
    expect(parsePeriod({ period: 'custom', from: '2020-01-01', to: '2026-03-01' }, now, TZ)).toMatchObject({
      kind: '7d',
    });
    expect(parsePeriod({}, now, TZ)).toMatchObject({ kind: '7d', fromDay: '2026-03-06', toDay: '2026-03-12' });
  });
});
