import { sql } from 'drizzle-orm';
import { accessLogs, type NewAccessLog } from '@/db/schema';
import { ACCESS_LOG_PAGE, listServiceAccessLog } from '@/db/queries/access-logs';
import { addAgent, makeAgent, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

const at = (iso: string) => new Date(iso);
const insert = (rows: NewAccessLog[]) => db().insert(accessLogs).values(rows);

describe("a service's access log", () => {
  it("shows the service's own rows and its agents' org-level rows, never another service's", async () => {
    const a = await makeService(db());
    const b = await makeService(db());
    const a1 = await makeAgent(db(), a.id);
    const both = await makeAgent(db(), a.id);
    await addAgent(db(), b.id, both.member.id);
    const onlyB = await makeAgent(db(), b.id);
    const outsider = await makeMember(db());
    const invited = await makeMember(db(), { status: 'invited' });
    await insert([
      { event: 'login', memberId: a1.member.id, createdAt: at('2026-01-01T00:00:00Z') },
      {
        event: 'login_failed',
        memberId: both.member.id,
        detail: { reason: 'bad_password', failed: 5 },
        createdAt: at('2026-01-01T00:01:00Z'),
      },
      { event: 'lockout', memberId: both.member.id, detail: { minutes: 15 }, createdAt: at('2026-01-01T00:02:00Z') },
      { event: 'login', memberId: outsider.id, createdAt: at('2026-01-01T00:03:00Z') },
      { event: 'login', memberId: onlyB.member.id, createdAt: at('2026-01-01T00:04:00Z') },
      {
        event: 'permission_changed',
        memberId: both.member.id,
        serviceId: b.id,
        detail: { field: 'role', before: 'agent', after: 'admin' },
        createdAt: at('2026-01-01T00:05:00Z'),
      },
      {
        event: 'permission_changed',
        memberId: both.member.id,
        serviceId: a.id,
        detail: { field: 'assignable', before: true, after: false },
        createdAt: at('2026-01-01T00:06:00Z'),
      },
      { event: 'invite_sent', memberId: invited.id, serviceId: a.id, createdAt: at('2026-01-01T00:07:00Z') },
      {
        event: 'login_failed',
        subject: 'nobody',
        detail: { reason: 'unknown_login' },
        createdAt: at('2026-01-01T00:08:00Z'),
      },
    ]);

    const rows = await listServiceAccessLog(db(), { serviceId: a.id });
    expect(rows.map((r) => [r.event, r.memberId, r.serviceId])).toEqual([
      ['invite_sent', invited.id, a.id],
      ['permission_changed', both.member.id, a.id],
      ['lockout', both.member.id, null],
      ['login_failed', both.member.id, null],
      ['login', a1.member.id, null],
    ]);
    expect(rows[1]).toMatchObject({ memberName: both.member.name, memberLoginId: both.member.loginId });

    const ofBoth = await listServiceAccessLog(db(), { serviceId: a.id, memberId: both.member.id });
    expect(ofBoth.map((r) => r.event)).toEqual(['permission_changed', 'lockout', 'login_failed']);
    const logins = await listServiceAccessLog(db(), { serviceId: a.id, event: 'login' });
    expect(logins.map((r) => r.memberId)).toEqual([a1.member.id]);
    // A member of B who is not an agent of A is filtered to nothing, not leaked.
    expect(await listServiceAccessLog(db(), { serviceId: a.id, memberId: onlyB.member.id })).toEqual([]);
  });

  it('filters by days in the app time zone, both ends inclusive', async () => {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id);
    await insert([
      { event: 'login', memberId: member.id, createdAt: at('2026-03-01T14:59:59Z') }, // 3/1 23:59:59 KST
      { event: 'logout', memberId: member.id, createdAt: at('2026-03-01T15:00:00Z') }, // 3/2 00:00 KST
      { event: 'login', memberId: member.id, createdAt: at('2026-03-02T14:59:59Z') }, // 3/2 23:59:59 KST
      { event: 'logout', memberId: member.id, createdAt: at('2026-03-02T15:00:00Z') }, // 3/3 KST
    ]);
    const day = await listServiceAccessLog(db(), {
      serviceId: s.id,
      from: '2026-03-02',
      to: '2026-03-02',
      timeZone: 'Asia/Seoul',
    });
    expect(day.map((r) => r.createdAt.toISOString())).toEqual(['2026-03-02T14:59:59.000Z', '2026-03-01T15:00:00.000Z']);
    const until = await listServiceAccessLog(db(), { serviceId: s.id, to: '2026-03-01', timeZone: 'Asia/Seoul' });
    expect(until.map((r) => r.createdAt.toISOString())).toEqual(['2026-03-01T14:59:59.000Z']);
    const utc = await listServiceAccessLog(db(), {
      serviceId: s.id,
      from: '2026-03-02',
      to: '2026-03-02',
      timeZone: 'UTC',
    });
    expect(utc.map((r) => r.createdAt.toISOString())).toEqual(['2026-03-02T15:00:00.000Z', '2026-03-02T14:59:59.000Z']);
  });

  it('pages with a (created_at, id) cursor without gaps or repeats, even for rows of the same instant', async () => {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id);
    const same = at('2026-02-01T00:00:00.123456Z');
    await insert(Array.from({ length: 70 }, () => ({ event: 'login' as const, memberId: member.id, createdAt: same })));
    await insert(
      Array.from({ length: 50 }, (_, i) => ({
        event: 'permission_changed' as const,
        memberId: member.id,
        serviceId: s.id,
        createdAt: new Date(same.getTime() - (i + 1) * 1000),
      })),
    );
    const seen: number[] = [];
    let before: { createdAt: string; id: number } | undefined;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const rows = await listServiceAccessLog(db(), { serviceId: s.id, before });
      const page = rows.slice(0, ACCESS_LOG_PAGE);
      seen.push(...page.map((r) => r.id));
      if (rows.length <= ACCESS_LOG_PAGE) break;
      const last = page[page.length - 1];
      before = { createdAt: last.cursor, id: last.id };
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const all = await db()
      .select({ id: accessLogs.id })
      .from(accessLogs)
      .where(sql`${accessLogs.memberId} = ${member.id}`)
      .orderBy(sql`created_at desc, id desc`);
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it('reads each half through its (…, created_at, id) index', async () => {
    const s = await makeService(db());
    const plan = (q: ReturnType<typeof sql>) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return (await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${q}`)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      });
    const service = await plan(
      sql`select id from access_logs l where l.service_id = ${s.id} order by l.created_at desc, l.id desc limit 51`,
    );
    const member = await plan(
      sql`select id from access_logs l where l.member_id = ${'00000000-0000-4000-8000-000000000000'}::uuid order by l.created_at desc, l.id desc limit 51`,
    );
    expect(service).toMatch(/access_logs_service_created_id_idx/);
    expect(member).toMatch(/access_logs_member_created_id_idx/);
  });
});
