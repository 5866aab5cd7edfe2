import { checkCondition, compileConditions } from '@/lib/triggers/conditions';
import type { Condition } from '@/lib/triggers/types';
import { A, G1, holds, LEAF, lookup, NOW, OTHER, ROOT, ticket } from '../helpers/trigger-engine';

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
