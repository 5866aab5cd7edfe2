import { checkCondition, compileConditions } from '@/lib/triggers/conditions';
import { builtinTargets, fieldTarget, type TargetLookup } from '@/lib/triggers/targets';
import type { CompiledTrigger, Condition, Env, ResultRow } from '@/lib/triggers/types';
import type { TicketEvent, TicketSnapshot } from '@/lib/tickets/types';

// Fixed ids of agents (A–C), groups (G1, G2) and intake types (ROOT › LEAF, OTHER), and a fixed clock.
export const A = '00000000-0000-4000-8000-00000000000a';
export const B = '00000000-0000-4000-8000-00000000000b';
export const C = '00000000-0000-4000-8000-00000000000c';
export const G1 = '00000000-0000-4000-8000-0000000000f1';
export const G2 = '00000000-0000-4000-8000-0000000000f2';
export const ROOT = '00000000-0000-4000-8000-0000000000c1';
export const LEAF = '00000000-0000-4000-8000-0000000000c2';
export const OTHER = '00000000-0000-4000-8000-0000000000c3';
export const NOW = Date.parse('2026-11-25T12:00:00Z');

/** A ticket snapshot of 홍길동 under LEAF with fields vip, note and due; `p` overrides. */
export function ticket(p: Partial<TicketSnapshot> = {}): TicketSnapshot {
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

/** The built-in targets and the custom fields vip (enum), note (text) and due (date). */
export const lookup: TargetLookup = (id) =>
  builtinTargets(id) ??
  (
    {
      'field:vip': fieldTarget('vip', 'enum', ['gold', 'silver']),
      'field:note': fieldTarget('note', 'text'),
      'field:due': fieldTarget('due', 'date'),
    } as Record<string, ReturnType<typeof fieldTarget>>
  )[id];

/** Whether the one row `row` holds for the change before → after (and checks the row first). */
export function holds(
  row: Omit<Condition, 'mode'>,
  after: TicketSnapshot,
  before: TicketSnapshot | null = null,
  event: TicketEvent = 'updated',
): boolean {
  const c = { mode: 'all' as const, ...row };
  expect(checkCondition(c, lookup)).toBeNull();
  return compileConditions([c], lookup)({ event, before, after, now: NOW });
}

/** An engine environment: `agents` assignable per group, round-robin counters in `rr`. */
export function env(
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

/** A compiled trigger `T <id>`. */
export function trig(id: string, conditions: Condition[], results: ResultRow[]): CompiledTrigger {
  return { id, title: `T ${id}`, test: compileConditions(conditions, lookup), results };
}
/** A condition every event meets. */
export const always: Condition = {
  mode: 'all',
  target: 'event',
  operator: 'is_any_of',
  value: ['created', 'updated', 'customer_reply', 'agent_reply'],
};
