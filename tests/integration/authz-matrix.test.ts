/**
 * The role × action matrix: every exported server action and route handler of app/ has a row
 * saying which of six callers may get past its authorization; each (action, role) pair runs
 * against a fresh service. A new action or route without a row fails the first test, which
 * names it: add a row to its feature's table in tests/helpers/action-table/ (routes.ts for ROUTES).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { serviceMembers } from '@/db/schema';
import { translator } from '@/lib/i18n/messages';
import {
  A,
  ACTIONS,
  makeFixture,
  makePeople,
  ROLES,
  ROUTES,
  type Fx,
  type People,
  type Role,
} from '../helpers/action-table';
import { asSessionMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';
import { routeHandlers, serverActions } from '../helpers/surface';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
// Outside a request Next has no headers or cookies; the actions and next-auth read both.
jest.mock('next/headers', () => ({
  headers: async () => new Headers({ 'user-agent': 'jest' }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    set: () => undefined,
    has: () => false,
    delete: () => undefined,
  }),
}));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-matrix-'));
process.env.MAIL_DIR = path.join(tmp, 'mail');
process.env.ATTACHMENTS_DIR = path.join(tmp, 'files');
delete process.env.SMTP_URL;
jest.setTimeout(120_000);

const db = setupTestDb();

let people: People;
let call: Map<string, (...args: unknown[]) => Promise<unknown>>;
beforeAll(async () => {
  call = await serverActions();
  people = await makePeople(db);
});
const fixture = (): Promise<Fx> => makeFixture(db, people);

const DENIALS = new Set(
  (['ko', 'en'] as const).flatMap((l) =>
    [
      'errors.unauthenticated',
      'errors.forbidden',
      'errors.notFound',
      'errors.noTransferPermission',
      'errors.agents.orgAdminOnly',
      'errors.agents.notAnAgent',
      'errors.agents.selfControlOff',
    ].map((k) => translator(l)(k)),
  ),
);

const CRASHES = new Set((['ko', 'en'] as const).map((l) => translator(l)('errors.unexpected')));

/** 'denied' when the caller was refused for who they are; 'crashed' on an unexpected error; else 'allowed'. */
function verdict(result: unknown): 'allowed' | 'denied' | 'crashed' {
  const r = result as { ok?: boolean; error?: string } | null;
  if (r && r.ok === false && typeof r.error === 'string' && DENIALS.has(r.error)) return 'denied';
  if (
    r &&
    r.ok === false &&
    typeof r.error === 'string' &&
    ([...CRASHES].some((c) => r.error!.startsWith(c)) || r.error.startsWith('threw '))
  )
    return 'crashed';
  return 'allowed';
}

function signIn(role: Role) {
  if (role === 'anon') signOut();
  else signInAs(asSessionMember(people[role]));
}

it('has a row for every exported server action and route handler (add missing ones to ACTIONS / ROUTES in tests/helpers/action-table/)', async () => {
  const routes = await routeHandlers();
  const missing = [
    ...[...call.keys()].filter((k) => !ACTIONS.has(k)),
    ...[...routes.keys()].filter((k) => !ROUTES.has(k)),
  ];
  const stale = [
    ...[...ACTIONS.keys()].filter((k) => !call.has(k)),
    ...[...ROUTES.keys()].filter((k) => !routes.has(k)),
  ];
  expect({ missing, stale }).toEqual({ missing: [], stale: [] });
});

describe.each([...ACTIONS.keys()])('%s', (key) => {
  it('lets exactly its roles past authorization', async () => {
    const { allow, input } = ACTIONS.get(key)!;
    const run = (fx: Fx) => call.get(key)!(null, input(fx));
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const role of ROLES) {
      const fx = await fixture();
      signIn(role);
      let result: unknown;
      try {
        result = await run(fx);
      } catch (err) {
        // redirect() after success (the help-center form) is Next's way of answering.
        result = String((err as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT')
          ? { ok: true }
          : { ok: false, error: `threw ${err}` };
      }
      seen[role] = verdict(result);
      expected[role] = allow.includes(role) ? 'allowed' : 'denied';
    }
    signOut();
    expect(seen).toEqual(expected);
  });
});

describe.each([...ROUTES.keys()])('%s', (key) => {
  it('lets exactly its roles past authorization', async () => {
    const handlers = await routeHandlers();
    const { allow, call: run } = ROUTES.get(key)!;
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const role of ROLES) {
      const fx = await fixture();
      signIn(role);
      const res = await run(fx, handlers.get(key)!);
      // 503 is /api/ready's "not ready" (no job queue in this test database), an answer, not a crash.
      seen[role] = [401, 403, 404].includes(res.status)
        ? 'denied'
        : res.status >= 500 && res.status !== 503
          ? `status ${res.status}`
          : 'allowed';
      expected[role] = allow.includes(role) ? 'allowed' : 'denied';
    }
    signOut();
    expect(seen).toEqual(expected);
  });
});

afterAll(() => {
  // The figure the issue asks for: how many (action, role) pairs this file checks.
  const pairs = (ACTIONS.size + ROUTES.size) * ROLES.length;
  if (process.env.MATRIX_REPORT)
    console.log(
      `[authz-matrix] ${ACTIONS.size} actions + ${ROUTES.size} route handlers × ${ROLES.length} roles = ${pairs} pairs`,
    );
});

describe('access-control gaps of issue 13', () => {
  const setSwitch = (input: unknown) => call.get(`${A.agents}#setAgentSwitchAction`)!(null, input);
  const transfer = (input: unknown) => call.get(`${A.tickets}#transferTicketAction`)!(null, input);
  const updateAgent = (input: unknown) => call.get(`${A.agents}#updateAgentAction`)!(null, input);

  it('a service admin cannot flip an org admin’s switches; an org admin can', async () => {
    const fx = await fixture();
    const [orgRow] = await db()
      .insert(serviceMembers)
      .values({ serviceId: fx.s, memberId: people.orgAdmin.id, role: 'admin' })
      .returning();
    signIn('serviceAdmin');
    for (const field of ['assignable', 'selfControl']) {
      expect(
        await setSwitch({ serviceId: fx.s, agentId: orgRow.id, field, value: field === 'selfControl' }),
      ).toMatchObject({ ok: false, error: translator('ko')('errors.agents.orgAdminOnly') });
    }
    const [after] = await db().select().from(serviceMembers).where(eq(serviceMembers.id, orgRow.id));
    expect([after.assignable, after.selfControl]).toEqual([orgRow.assignable, orgRow.selfControl]);
    signIn('orgAdmin');
    expect(await setSwitch({ serviceId: fx.s, agentId: orgRow.id, field: 'assignable', value: false })).toMatchObject({
      ok: true,
    });
  });

  it('티켓 전달 권한 binds admins too; an admin may grant it to themself, and then transfers', async () => {
    const fx = await fixture();
    const [adminRow] = await db()
      .select()
      .from(serviceMembers)
      .where(eq(serviceMembers.memberId, people.serviceAdmin.id))
      .then((r) => r.filter((x) => x.serviceId === fx.s));
    await db().update(serviceMembers).set({ canTransfer: false }).where(eq(serviceMembers.id, adminRow.id));
    signIn('serviceAdmin');
    const input = { serviceId: fx.s, ticketId: fx.ticket.id, version: 1, assigneeId: people.noTransfer.id };
    expect(await transfer(input)).toMatchObject({ ok: false, error: translator('ko')('errors.noTransferPermission') });
    expect(
      await updateAgent({
        serviceId: fx.s,
        agentId: adminRow.id,
        role: 'admin',
        channels: ['ticket'],
        canTransfer: true,
        canViewLogs: false,
        groupIds: [],
      }),
    ).toMatchObject({ ok: true });
    expect(await transfer(input)).toMatchObject({ ok: true });
  });

  it('shows 전달 only to those who have the permission, whatever their role', async () => {
    const { canTransfer } = await import('@/lib/auth/access');
    expect(canTransfer({ agent: { canTransfer: false } as never })).toBe(false); // an admin without it
    expect(canTransfer({ agent: null })).toBe(false); // an org admin who is not an agent here
    expect(canTransfer({ agent: { canTransfer: true } as never })).toBe(true);
  });
});
