import type { Operator } from '@/lib/triggers/types';

export type ConditionDraft = { mode: 'all' | 'any'; target: string; operator: Operator | ''; value: unknown };
export type ResultDraft = { type: string } & Record<string, unknown>;
export type TriggerDraft = { id?: string; title: string; conditions: ConditionDraft[]; results: ResultDraft[] };
