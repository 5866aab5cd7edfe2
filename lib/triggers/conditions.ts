import { z } from 'zod';
import { compileOperator, OPERATORS_BY_TYPE } from './operators';
import type { TargetLookup } from './targets';
import { MATCH_MODES, OPERATORS, type ChangeView, type Condition } from './types';

const VALUELESS = new Set(['changed', 'is_empty', 'is_not_empty']);
const LIST = new Set(['is_any_of', 'is_none_of']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

export const conditionSchema = z.object({
  mode: z.enum(MATCH_MODES, { error: 'validation.triggers.mode' }),
  target: z.string().min(1, 'validation.triggers.target').max(80),
  operator: z.enum(OPERATORS, { error: 'validation.triggers.operator' }),
  value: z.unknown().optional(),
});

/**
 * Checks that a row's operator and value fit its target's type (SPEC §6 "saving validates every
 * row"). Returns a message key, or null when the row fits; the normalized value is written back.
 */
export function checkCondition(row: Condition, lookup: TargetLookup): string | null {
  const target = lookup(row.target);
  if (!target) return 'validation.triggers.target';
  if (!OPERATORS_BY_TYPE[target.type].includes(row.operator)) return 'validation.triggers.operator';
  const v = row.value;
  if (VALUELESS.has(row.operator)) {
    row.value = null;
    return null;
  }
  const one = (x: unknown): string | null => {
    if (typeof x !== 'string' || !x.trim() || x.length > 500) return null;
    const s = x.trim();
    if (target.type === 'person' || target.type === 'category') return UUID.test(s) ? s.toLowerCase() : null;
    if (target.values && !target.values.includes(s)) return null;
    return s;
  };
  if (LIST.has(row.operator)) {
    if (!Array.isArray(v) || v.length === 0 || v.length > 100) return 'validation.triggers.value';
    const list = v.map(one);
    if (list.some((x) => x === null)) return 'validation.triggers.value';
    row.value = [...new Set(list)];
    return null;
  }
  if (row.operator === 'within_last_days') {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 3650) return 'validation.triggers.value';
    row.value = n;
    return null;
  }
  if (row.operator === 'before' || row.operator === 'after') {
    if (target.type === 'number') {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
      if (!Number.isFinite(n)) return 'validation.triggers.value';
      row.value = n;
      return null;
    }
    if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) return 'validation.triggers.value';
    return null;
  }
  if (target.type === 'text') {
    if (typeof v !== 'string' || !v.trim() || v.length > 500) return 'validation.triggers.value';
    return null;
  }
  const x = one(v);
  if (x === null) return 'validation.triggers.value';
  row.value = x;
  return null;
}

/**
 * Compiles a trigger's rows to one predicate: every 필수 row holds and, when there are 선택
 * rows, at least one of them. Rows whose target has gone (a deleted field) never hold.
 */
export function compileConditions(rows: readonly Condition[], lookup: TargetLookup): (v: ChangeView) => boolean {
  const compiled = rows.map((row) => {
    const target = lookup(row.target);
    if (!target) return { mode: row.mode, test: () => false };
    const cmp = compileOperator(row.operator, target.type, row.value);
    const { read, path } = target;
    const test = (v: ChangeView) =>
      cmp(v.before ? read(v.before, v.event) : null, read(v.after, v.event), v.now, path ? path(v.after) : null);
    return { mode: row.mode, test };
  });
  const all = compiled.filter((c) => c.mode === 'all').map((c) => c.test);
  const any = compiled.filter((c) => c.mode === 'any').map((c) => c.test);
  return (v) => {
    for (const t of all) if (!t(v)) return false;
    if (!any.length) return true;
    for (const t of any) if (t(v)) return true;
    return false;
  };
}
