import type { TicketEvent, TicketPatch, TicketSnapshot } from '@/lib/tickets/types';

/** 충족여부: 필수(AND) rows must all hold; of the 선택(OR) rows, at least one (when there are any). */
export const MATCH_MODES = ['all', 'any'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const OPERATORS = [
  'is',
  'is_not',
  'is_any_of',
  'is_none_of',
  'changed',
  'changed_to',
  'changed_from',
  'is_empty',
  'is_not_empty',
  'is_within',
  'contains',
  'not_contains',
  'starts_with',
  'equals',
  'before',
  'after',
  'within_last_days',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** The kind of value a target holds; it decides the operators and how values are typed. */
export type ValueType = 'event' | 'enum' | 'person' | 'category' | 'text' | 'date' | 'number';

/** One stored condition row (jsonb). */
export type Condition = { mode: MatchMode; target: string; operator: Operator; value?: unknown };

/** One stored result row (jsonb): its type and the settings its module's schema accepts. */
export type ResultRow = { type: string } & Record<string, unknown>;

/** What conditions read: the change, with the ticket as earlier triggers of the pass left it. */
export type ChangeView = { event: TicketEvent; before: TicketSnapshot | null; after: TicketSnapshot; now: number };

/**
 * What the engine needs from outside, injected so it stays pure: randomness, the round-robin
 * cursor, and facts loaded before the pass (assignable agents per group, category paths).
 */
export type Env = {
  /** An integer in [0, n). */
  random(n: number): number;
  /** The round-robin position for this trigger's result, in [0, n); advances the cursor. */
  roundRobin(key: string, n: number): number;
  /** Member ids of a group's assignable agents, in the order they were added. */
  assignable(groupId: string): readonly string[];
  /** A category's materialized path, or null when it is gone. */
  categoryPath(id: string): string | null;
};

/** A mail / forward / callback / Dooray result to enqueue, with the ticket as it stood when it fired. */
export type Effect = {
  /** Its place in the pass's effects, named by the outcome that queued it. */ index: number;
  triggerId: string;
  triggerTitle: string;
  resultIndex: number;
  type: string;
  settings: ResultRow;
  ticket: TicketSnapshot;
};

export type ResultOutcome = {
  type: string;
  outcome: 'changed' | 'unchanged' | 'queued' | 'skipped';
  reason?: string;
  /** The queued effect's index. */ effect?: number;
  changes?: { field: string; before: unknown; after: unknown }[];
};

/** What one result did: a patch to the draft and/or an effect, and how to describe it. */
export type Applied = {
  patch?: TicketPatch;
  effect?: boolean;
  outcome: ResultOutcome['outcome'];
  reason?: string;
  note?: string;
};

export type TriggerLog = { triggerId: string; title: string; fired: boolean; results?: ResultOutcome[] };

/** A trigger ready to run: its conditions compiled to one predicate. */
export type CompiledTrigger = { id: string; title: string; test: (v: ChangeView) => boolean; results: ResultRow[] };
