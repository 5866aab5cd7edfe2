import { checkCondition, compileConditions } from '@/lib/triggers/conditions';
import { builtinTargets, fieldTarget, type TargetLookup } from '@/lib/triggers/targets';
import { runTriggers } from '@/lib/triggers/engine';
import { parseResult } from '@/lib/triggers/results/index';
import type { CompiledTrigger, Condition, Env, ResultRow } from '@/lib/triggers/types';
import type { TicketEvent, TicketSnapshot } from '@/lib/tickets/types';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const G1 = '00000000-0000-4000-8000-0000000000f1';
const G2 = '00000000-0000-4000-8000-0000000000f2';
const ROOT = '00000000-0000-4000-8000-0000000000c1';
const LEAF = '00000000-0000-4000-8000-0000000000c2';
const OTHER = '00000000-0000-4000-8000-0000000000c3';
const NOW = Date.parse('2026-11-25T12:00:00Z');

function ticket(p: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    id: 't1',
    serviceId: 's',
    number: 1,
    subject: '결제 오류 문의',
    content: '카드 결제가 안 됩니다',
    status: 'new',
    priority: 'normal',
    channel: 'helpcenter_web',
    language: 'ko',
    requesterName: '홍길동',
    requesterEmail: 'hong@example.com',
    requesterPhone: null,
    intakeTypeId: LEAF,
    intakeTypePath: `/${ROOT}/${LEAF}/`,
    processingTypeId: null,
    processingTypePath: null,
    assigneeId: null,
    groupId: null,
    starred: false,
    spam: false,
    internalReason: null,
    fields: { vip: ['gold'], note: 'hello', due: '2026-11-20' },
    createdAt: new Date(NOW - 3600_000),
    updatedAt: new Date(NOW),
    ...p,
  };
}

const lookup: TargetLookup = (id) =>
  builtinTargets(id) ??
  (
    {
      'field:vip': fieldTarget('vip', 'enum', ['gold', 'silver']),
      'field:note': fieldTarget('note', 'text'),
      'field:due': fieldTarget('due', 'date'),
    } as Record<string, ReturnType<typeof fieldTarget>>
  )[id];

function holds(
  row: Omit<Condition, 'mode'>,
  after: TicketSnapshot,
  before: TicketSnapshot | null = null,
  event: TicketEvent = 'updated',
): boolean {
  const c = { mode: 'all' as const, ...row };
  expect(checkCondition(c, lookup)).toBeNull();
  return compileConditions([c], lookup)({ event, before, after, now: NOW });
}

function env(
  agents: Record<string, string[]> = {},
  opts: { random?: (n: number) => number } = {},
): Env & { rr: Map<string, number> } {
  const rr = new Map<string, number>();
  return {
    rr,
    random: opts.random ?? (() => 0),
    roundRobin: (key, n) => {
      const c = rr.get(key) ?? 0;
      rr.set(key, c + 1);
      return c % n;
    },
    assignable: (g) => agents[g] ?? [],
    categoryPath: (id) => (id === LEAF ? `/${ROOT}/${LEAF}/` : id === ROOT ? `/${ROOT}/` : null),
  };
}

function trig(id: string, conditions: Condition[], results: ResultRow[]): CompiledTrigger {
  return { id, title: `T ${id}`, test: compileConditions(conditions, lookup), results };
}
const always: Condition = {
  mode: 'all',
  target: 'event',
  operator: 'is_any_of',
  value: ['created', 'updated', 'customer_reply', 'agent_reply'],
};

describe('operators by target', () => {
  it('compares enumerations: is, is_not, is_any_of, is_none_of, empty', () => {
    const t = ticket({ status: 'open' });
    expect(holds({ target: 'status', operator: 'is', value: 'open' }, t)).toBe(true);
    expect(holds({ target: 'status', operator: 'is', value: 'new' }, t)).toBe(false);
    expect(holds({ target: 'status', operator: 'is_not', value: 'new' }, t)).toBe(true);
    expect(holds({ target: 'priority', operator: 'is_any_of', value: ['high', 'normal'] }, t)).toBe(true);
    expect(holds({ target: 'priority', operator: 'is_none_of', value: ['high', 'normal'] }, t)).toBe(false);
    expect(holds({ target: 'channel', operator: 'is', value: 'helpcenter_web' }, t)).toBe(true);
    expect(holds({ target: 'language', operator: 'is', value: 'ko' }, t)).toBe(true);
    expect(holds({ target: 'assignee', operator: 'is_empty' }, t)).toBe(true);
    expect(holds({ target: 'group', operator: 'is_not_empty' }, ticket({ groupId: G1 }))).toBe(true);
    expect(holds({ target: 'assignee', operator: 'is', value: A }, ticket({ assigneeId: A }))).toBe(true);
  });

  it('sees changes exactly: changed, changed_to, changed_from', () => {
    const before = ticket({ status: 'new' });
    const after = ticket({ status: 'open' });
    expect(holds({ target: 'status', operator: 'changed' }, after, before)).toBe(true);
    expect(holds({ target: 'status', operator: 'changed' }, after, after)).toBe(false);
    expect(holds({ target: 'status', operator: 'changed_to', value: 'open' }, after, before)).toBe(true);
    expect(holds({ target: 'status', operator: 'changed_to', value: 'open' }, after, after)).toBe(false);
    expect(holds({ target: 'status', operator: 'changed_from', value: 'new' }, after, before)).toBe(true);
    expect(holds({ target: 'status', operator: 'changed_from', value: 'open' }, after, before)).toBe(false);
    expect(
      holds({ target: 'assignee', operator: 'changed_to', value: A }, ticket({ assigneeId: A }), null, 'created'),
    ).toBe(true);
  });

  it('matches a category node and, with is_within, its whole subtree', () => {
    const t = ticket();
    expect(holds({ target: 'intakeType', operator: 'is', value: LEAF }, t)).toBe(true);
    expect(holds({ target: 'intakeType', operator: 'is', value: ROOT }, t)).toBe(false);
    expect(holds({ target: 'intakeType', operator: 'is_within', value: ROOT }, t)).toBe(true);
    expect(holds({ target: 'intakeType', operator: 'is_within', value: LEAF }, t)).toBe(true);
    expect(holds({ target: 'intakeType', operator: 'is_within', value: OTHER }, t)).toBe(false);
    expect(holds({ target: 'processingType', operator: 'is_within', value: ROOT }, t)).toBe(false);
  });

  it('compares text case-insensitively: contains, not_contains, starts_with, equals, empty', () => {
    const t = ticket();
    expect(holds({ target: 'subject', operator: 'contains', value: '결제' }, t)).toBe(true);
    expect(holds({ target: 'content', operator: 'not_contains', value: '환불' }, t)).toBe(true);
    expect(holds({ target: 'requesterEmail', operator: 'starts_with', value: 'HONG@' }, t)).toBe(true);
    expect(holds({ target: 'requesterName', operator: 'equals', value: '홍길동' }, t)).toBe(true);
    expect(holds({ target: 'requesterPhone', operator: 'is_empty' }, t)).toBe(true);
    expect(holds({ target: 'field:note', operator: 'equals', value: 'HELLO' }, t)).toBe(true);
  });

  it('compares dates: before, after, within_last_days', () => {
    const t = ticket();
    expect(holds({ target: 'createdAt', operator: 'within_last_days', value: 1 }, t)).toBe(true);
    expect(
      holds(
        { target: 'createdAt', operator: 'within_last_days', value: 1 },
        ticket({ createdAt: new Date(NOW - 2 * 86400_000) }),
      ),
    ).toBe(false);
    expect(holds({ target: 'createdAt', operator: 'after', value: '2026-11-01' }, t)).toBe(true);
    expect(holds({ target: 'field:due', operator: 'before', value: '2026-11-21' }, t)).toBe(true);
    expect(holds({ target: 'field:due', operator: 'after', value: '2026-11-21' }, t)).toBe(false);
  });

  it('reads multi-choice field values and the event', () => {
    const t = ticket();
    expect(holds({ target: 'field:vip', operator: 'is', value: 'gold' }, t)).toBe(true);
    expect(holds({ target: 'field:vip', operator: 'is_none_of', value: ['silver'] }, t)).toBe(true);
    expect(holds({ target: 'event', operator: 'is', value: 'created' }, t, null, 'created')).toBe(true);
    expect(holds({ target: 'event', operator: 'is_not', value: 'created' }, t, null, 'customer_reply')).toBe(true);
  });

  it('refuses rows whose operator or value does not fit the target', () => {
    const bad = (row: Omit<Condition, 'mode'>) => checkCondition({ mode: 'all', ...row }, lookup);
    expect(bad({ target: 'nope', operator: 'is', value: 'x' })).toBe('validation.triggers.target');
    expect(bad({ target: 'status', operator: 'contains', value: 'x' })).toBe('validation.triggers.operator');
    expect(bad({ target: 'status', operator: 'is', value: 'finished' })).toBe('validation.triggers.value');
    expect(bad({ target: 'subject', operator: 'is_within', value: ROOT })).toBe('validation.triggers.operator');
    expect(bad({ target: 'intakeType', operator: 'is_within', value: 'not-a-uuid' })).toBe('validation.triggers.value');
    expect(bad({ target: 'priority', operator: 'is_any_of', value: [] })).toBe('validation.triggers.value');
    expect(bad({ target: 'createdAt', operator: 'before', value: 'yesterday' })).toBe('validation.triggers.value');
    expect(bad({ target: 'createdAt', operator: 'within_last_days', value: -3 })).toBe('validation.triggers.value');
    expect(bad({ target: 'subject', operator: 'contains', value: '' })).toBe('validation.triggers.value');
    expect(bad({ target: 'field:vip', operator: 'is', value: 'platinum' })).toBe('validation.triggers.value');
  });
});

describe('AND / OR', () => {
  const t = ticket({ priority: 'high' });
  const run = (rows: Condition[]) =>
    compileConditions(rows, lookup)({ event: 'created', before: null, after: t, now: NOW });
  const yes: Omit<Condition, 'mode'> = { target: 'priority', operator: 'is', value: 'high' };
  const no: Omit<Condition, 'mode'> = { target: 'priority', operator: 'is', value: 'low' };
  it('needs every 필수 row', () => {
    expect(
      run([
        { mode: 'all', ...yes },
        { mode: 'all', ...yes },
      ]),
    ).toBe(true);
    expect(
      run([
        { mode: 'all', ...yes },
        { mode: 'all', ...no },
      ]),
    ).toBe(false);
  });
  it('needs one 선택 row when there are any', () => {
    expect(
      run([
        { mode: 'all', ...yes },
        { mode: 'any', ...no },
        { mode: 'any', ...yes },
      ]),
    ).toBe(true);
    expect(
      run([
        { mode: 'all', ...yes },
        { mode: 'any', ...no },
      ]),
    ).toBe(false);
    expect(
      run([
        { mode: 'any', ...no },
        { mode: 'any', ...no },
      ]),
    ).toBe(false);
    expect(
      run([
        { mode: 'all', ...no },
        { mode: 'any', ...yes },
      ]),
    ).toBe(false);
  });
});

describe('runTriggers', () => {
  const change = (after = ticket(), event: TicketEvent = 'created') => ({ event, before: null, after, now: NOW });

  it('runs top to bottom, each trigger seeing what earlier ones did, and the last assignment wins', () => {
    const first = trig('1', [always], [{ type: 'assign', groupId: G1, method: 'agent', agentId: A }]);
    const second = trig(
      '2',
      [{ mode: 'all', target: 'assignee', operator: 'is', value: A }],
      [{ type: 'assign', groupId: G2, method: 'agent', agentId: B }],
    );
    const out = runTriggers([first, second], change(), env({ [G1]: [A], [G2]: [B] }));
    expect(out.draft.assigneeId).toBe(B);
    expect(out.draft.groupId).toBe(G2);
    expect(out.changes.map((c) => [c.triggerId, c.field, c.after])).toEqual([
      ['1', 'groupId', G1],
      ['1', 'assigneeId', A],
      ['2', 'groupId', G2],
      ['2', 'assigneeId', B],
    ]);
    // In the other order the second trigger does not see A yet.
    const rev = runTriggers([second, first], change(), env({ [G1]: [A], [G2]: [B] }));
    expect(rev.draft.assigneeId).toBe(A);
    expect(rev.log.map((l) => l.fired)).toEqual([false, true]);
  });

  it('fires each trigger at most once and never starts a new pass for its own changes', () => {
    const a = trig(
      'a',
      [always],
      [
        { type: 'set_group', groupId: G1 },
        { type: 'callback', url: 'https://example.com/h' },
      ],
    );
    // Above a: would fire only if a's change started another pass.
    const b = trig(
      'b',
      [{ mode: 'all', target: 'group', operator: 'is', value: G1 }],
      [{ type: 'set_group', groupId: G2 }],
    );
    const out = runTriggers([b, a, a], change(), env());
    expect(out.log.filter((l) => l.fired).map((l) => l.triggerId)).toEqual(['a']);
    expect(out.effects).toHaveLength(1);
    expect(out.draft.groupId).toBe(G1);
  });

  it('assigns at random only among assignable agents and falls back to the group with a note', () => {
    const t = trig('r', [always], [{ type: 'assign', groupId: G1, method: 'random' }]);
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++)
      seen.add(runTriggers([t], change(), env({ [G1]: [A, C] }, { random: (n) => i % n })).draft.assigneeId!);
    expect([...seen].sort()).toEqual([A, C].sort());
    const none = runTriggers([t], change(), env({ [G1]: [] }));
    expect(none.draft).toMatchObject({ groupId: G1, assigneeId: null });
    expect(none.changes).toEqual([expect.objectContaining({ field: 'groupId', note: 'no_assignable_agent' })]);
    expect(none.log[0].results).toEqual([
      {
        type: 'assign',
        outcome: 'changed',
        reason: 'no_assignable_agent',
        changes: [{ field: 'groupId', before: null, after: G1 }],
      },
    ]);
    const named = trig('n', [always], [{ type: 'assign', groupId: G1, method: 'agent', agentId: B }]);
    expect(runTriggers([named], change(), env({ [G1]: [A] })).draft.assigneeId).toBeNull();
  });

  it('goes round the group in order', () => {
    const t = trig('rr', [always], [{ type: 'assign', groupId: G1, method: 'round_robin' }]);
    const e = env({ [G1]: [A, B, C] });
    const got = Array.from({ length: 7 }, () => runTriggers([t], change(), e).draft.assigneeId);
    expect(got).toEqual([A, B, C, A, B, C, A]);
  });

  it('sets the intake type with its path, leaves closing to the accepted forward mail, and queues effects with the ticket as it was', () => {
    const t = trig(
      'x',
      [always],
      [
        { type: 'set_intake_type', categoryId: ROOT },
        { type: 'forward', to: 'ext@example.com', complete: true },
        { type: 'set_intake_type', categoryId: OTHER },
      ],
    );
    const out = runTriggers([t], change(ticket({ status: 'open' })), env());
    expect(out.draft).toMatchObject({ intakeTypeId: ROOT, intakeTypePath: `/${ROOT}/`, status: 'open' });
    expect(out.effects[0]).toMatchObject({
      type: 'forward',
      resultIndex: 1,
      ticket: expect.objectContaining({ intakeTypeId: ROOT, status: 'open' }),
    });
    expect(out.log[0].results!.map((r) => r.outcome)).toEqual(['changed', 'queued', 'skipped']);
  });

  it('skips a stored result of an unknown type', () => {
    const out = runTriggers([trig('u', [always], [{ type: 'teleport' }])], change(), env());
    expect(out.log[0].results).toEqual([{ type: 'teleport', outcome: 'skipped', reason: 'unknown_type' }]);
  });
});

describe('result settings', () => {
  it('refuses unknown types and settings that do not fit', () => {
    const err = (r: unknown) => (parseResult(r).error?.issues ?? []).map((i) => i.message);
    expect(err({ type: 'teleport' })).toEqual(['validation.triggers.resultType']);
    expect(err({ type: 'assign', groupId: G1, method: 'agent' })).toContain('validation.triggers.agent');
    expect(err({ type: 'forward', to: 'a@b.com\r\nBcc: x@y.z' })).toContain('validation.triggers.crlf');
    expect(err({ type: 'forward', to: 'not an address' })).toContain('validation.email');
    expect(err({ type: 'callback', url: 'ftp://example.com/x' })).toContain('validation.triggers.urlScheme');
    expect(err({ type: 'callback', url: 'https://user:pw@example.com/x' })).toContain(
      'validation.triggers.urlCredentials',
    );
    expect(err({ type: 'callback', url: 'https://10.0.0.5/x' })).toContain('validation.triggers.urlPrivate');
    expect(err({ type: 'callback', url: 'https://[::ffff:127.0.0.1]/x' })).toContain('validation.triggers.urlPrivate');
    expect(err({ type: 'notify_mail', to: 'assignee', messages: { ko: { subject: 'a\nb', body: 'x' } } })).toContain(
      'validation.triggers.crlf',
    );
    expect(
      parseResult({ type: 'dooray', url: 'https://hook.dooray.com/services/1', botName: 'bot', text: '#{subject}' })
        .success,
    ).toBe(true);
  });
});
