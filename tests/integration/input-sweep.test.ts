/**
 * The malformed-input sweep: every exported server action (from the table of
 * tests/helpers/action-table/, plus any action the table misses) and every route handler
 * gets broken input, and none may answer with an unexpected error or throw (a 500).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { parseAccessLogFilter } from '@/app/[serviceId]/(desk)/settings/access-log/filter';
import { submitInquiryAction } from '@/app/[serviceId]/hc/[lang]/actions';
import { listServiceAccessLog } from '@/db/queries/access-logs';
import { translator } from '@/lib/i18n/messages';
import { inviteState } from '@/lib/members/invite-token';
import { safeDecode } from '@/lib/validation/dates';
import { ACTIONS, makeFixture, makePeople, type Fx, type People } from '../helpers/action-table';
import { asSessionMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';
import { routeHandlers, serverActions } from '../helpers/surface';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-sweep-'));
process.env.MAIL_DIR = path.join(tmp, 'mail');
process.env.ATTACHMENTS_DIR = path.join(tmp, 'files');
delete process.env.SMTP_URL;
jest.setTimeout(300_000);

const db = setupTestDb();
const CRASH = new Set((['ko', 'en'] as const).map((l) => translator(l)('errors.unexpected')));

/** Whole inputs that are not what any action expects. */
const WHOLE: [string, (fx: Fx) => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a string', () => 'x'],
  ['a number', () => 42],
  ['an array', () => [1, 2]],
  ['an empty object', () => ({})],
  ['an empty FormData', () => new FormData()],
  [
    'a prototype-polluting object',
    () => JSON.parse('{"__proto__": {"isOrgAdmin": true}, "constructor": {"prototype": {"x": 1}}}'),
  ],
  ['a service id with a malformed %', () => ({ serviceId: '%E0%A4%A' })],
  ['a service id of another type', (fx) => ({ serviceId: [fx.s, fx.s] })],
];

/** Values put in place of each field of a valid input, one field at a time. */
const VALUES: [string, unknown][] = [
  ['null', null],
  ['a number', 12345678901234567890],
  ['an array', ['a', { b: 1 }]],
  ['an object', { a: 'b' }],
  ['a NUL and a malformed %', 'a\u0000%E0%A4%A'],
  ['an impossible date', '2024-02-30'],
  ['100 001 characters', 'x'.repeat(100_001)],
];

let people: People;
let actions: Map<string, (...args: unknown[]) => Promise<unknown>>;
beforeAll(async () => {
  actions = await serverActions();
  people = await makePeople(db);
});

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    const r = (await run()) as { ok?: boolean; error?: string } | null;
    return r && r.ok === false && typeof r.error === 'string' && [...CRASH].some((c) => r.error!.startsWith(c))
      ? `unexpected error`
      : 'answered';
  } catch (err) {
    return String((err as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT') ? 'answered' : `threw ${err}`;
  }
}

let pairs = 0;

describe('every server action, with malformed input', () => {
  it.each([...new Set([...ACTIONS.keys()])])('%s answers without an unexpected error', async (key) => {
    const fx = await makeFixture(db, people);
    const fn = actions.get(key)!;
    const valid = ACTIONS.get(key)!.input(fx);
    const cases: [string, unknown][] = WHOLE.map(([name, make]) => [name, make(fx)]);
    if (valid && typeof valid === 'object' && !(valid instanceof FormData)) {
      for (const field of Object.keys(valid))
        for (const [name, v] of VALUES) cases.push([`${field} = ${name}`, { ...(valid as object), [field]: v }]);
    }
    const bad: string[] = [];
    for (const who of [null, people.orgAdmin] as const) {
      if (who) signInAs(asSessionMember(who));
      else signOut();
      for (const [name, input] of cases) {
        const o = await outcome(() => fn(null, input));
        pairs++;
        if (o !== 'answered') bad.push(`${who ? 'org admin' : 'logged out'}, ${name}: ${o}`);
      }
    }
    signOut();
    expect(bad).toEqual([]);
  });

  it('covers every exported action', () => {
    expect([...actions.keys()].filter((k) => !ACTIONS.has(k))).toEqual([]);
  });

  it('the help-center action answers a call without FormData', async () => {
    for (const input of [undefined, null, {}, 'x']) {
      expect(await submitInquiryAction(null, input as never)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });
});

describe('every route handler, with malformed parameters', () => {
  const BAD_IDS = ['%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', 'not-a-uuid', 'x'.repeat(2000), '\u0000', ''];
  it('never answers 500', async () => {
    const fx = await makeFixture(db, people);
    const handlers = await routeHandlers();
    const bad: string[] = [];
    for (const [key, h] of handlers) {
      for (const who of [null, people.orgAdmin] as const) {
        if (who) signInAs(asSessionMember(who));
        else signOut();
        for (const id of BAD_IDS) {
          const params = {
            serviceId: id,
            attachmentId: id,
            categoryId: id,
            usercode: id,
            ticketId: id,
            nextauth: [id],
          };
          for (const query of [
            `?kind=${encodeURIComponent(id)}&token=${encodeURIComponent(id)}`,
            '?kind=intake&token=%E0%A4%A',
            '',
          ]) {
            for (const sid of [id, fx.s]) {
              const url = `http://localhost/${encodeURIComponent(sid)}/x${query}`;
              let status: number;
              try {
                const method = key.endsWith('#POST') ? 'POST' : 'GET';
                status = (
                  await h(
                    new NextRequest(url, {
                      method,
                      ...(method === 'POST'
                        ? { body: id, headers: { 'content-type': 'application/x-www-form-urlencoded' } }
                        : {}),
                    }),
                    { params: Promise.resolve({ ...params, serviceId: sid }) },
                  )
                ).status;
              } catch (err) {
                status = 500;
                bad.push(`${key} ${url}: threw ${err}`);
              }
              pairs++;
              // 503 is /api/ready's answer "not ready", not a failure.
              if (status >= 500 && !(status === 503 && key.startsWith('app/api/ready/')))
                bad.push(`${key} ${url}: ${status}`);
            }
          }
        }
      }
    }
    signOut();
    expect(bad).toEqual([]);
  });
});

describe('the three 500s of issue 13', () => {
  it('the access log ignores ?from=2024-02-30 and other impossible filters instead of failing in SQL', async () => {
    const fx = await makeFixture(db, people);
    for (const sp of [
      { from: '2024-02-30' },
      { to: '2023-13-01' },
      { from: ['2024-01-01', 'x'] },
      { before: '2024-02-30T00:00:00.000000Z_1' },
      { before: '2024-01-01T25:00:00.000000Z_1' },
      { member: '%', event: '%' },
    ]) {
      const f = parseAccessLogFilter(sp);
      await expect(listServiceAccessLog(db(), { serviceId: fx.s, ...f, limit: 10 } as never)).resolves.toBeDefined();
      pairs++;
    }
    expect(parseAccessLogFilter({ from: '2024-02-29', to: '2024-03-01' })).toMatchObject({
      from: '2024-02-29',
      to: '2024-03-01',
    });
  });

  it('an invite link with a malformed % is an invalid invite, not an error', async () => {
    expect(safeDecode('%E0%A4%A')).toBeNull();
    expect(await inviteState(db(), safeDecode('%E0%A4%A') ?? '')).toEqual({ state: 'invalid' });
    const page = fs.readFileSync(path.join(process.cwd(), 'app/invite/[token]/page.tsx'), 'utf8');
    expect(page).not.toMatch(/[^.]decodeURIComponent\(/);
  });
});

afterAll(() => {
  if (process.env.MATRIX_REPORT) console.log(`[input-sweep] ${pairs} (route or action, malformed input) pairs`);
});
