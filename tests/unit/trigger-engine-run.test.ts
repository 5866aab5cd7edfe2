import { runTriggers } from '@/lib/triggers/engine';
import { parseResult } from '@/lib/triggers/results/index';
import type { TicketEvent } from '@/lib/tickets/types';
import { A, always, B, C, env, G1, G2, NOW, OTHER, ROOT, ticket, trig } from '../helpers/trigger-engine';

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
