import type { Operator, ValueType } from './types';

// Pure comparisons. `before`/`after` are a target's value before the change and now; a value is
// a string, a string list (multi-choice fields), a boolean, a number, or null when empty.
export type Value = string | string[] | boolean | number | null | undefined;

const ENUM_OPS: readonly Operator[] = [
  'is',
  'is_not',
  'is_any_of',
  'is_none_of',
  'changed',
  'changed_to',
  'changed_from',
  'is_empty',
  'is_not_empty',
];

/** Operators each value type allows (SPEC §6). */
export const OPERATORS_BY_TYPE: Record<ValueType, readonly Operator[]> = {
  event: ['is', 'is_not', 'is_any_of', 'is_none_of'],
  enum: ENUM_OPS,
  person: ENUM_OPS,
  category: [...ENUM_OPS, 'is_within'],
  text: ['contains', 'not_contains', 'starts_with', 'equals', 'is_empty', 'is_not_empty', 'changed'],
  date: ['before', 'after', 'within_last_days', 'is_empty', 'is_not_empty'],
  number: ['before', 'after', 'is_empty', 'is_not_empty', 'changed'],
};

export function isEmpty(v: Value): boolean {
  return v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}

function has(v: Value, x: string): boolean {
  return Array.isArray(v) ? v.includes(x) : v === x;
}

function hasAny(v: Value, set: ReadonlySet<string>): boolean {
  if (Array.isArray(v)) return v.some((x) => set.has(x));
  return typeof v === 'string' && set.has(v);
}

function same(a: Value, b: Value): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return a === b;
}

function time(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

function text(v: Value): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join('\n');
  return v === null || v === undefined ? '' : String(v);
}

function literal(value: unknown, start: string, end = ''): RegExp {
  return new RegExp(start + String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + end, 'iu');
}

const DAY = 86_400_000;

/**
 * Builds the comparison of one condition row once (values pre-processed: sets, lower case,
 * parsed dates), so a pass costs a few function calls per row. `path` reads a category path
 * (for `is_within`).
 */
export function compileOperator(
  op: Operator,
  type: ValueType,
  value: unknown,
): (before: Value, after: Value, now: number, path: string | null) => boolean {
  switch (op) {
    case 'is': {
      const x = String(value);
      return (_b, a) => has(a, x);
    }
    case 'is_not': {
      const x = String(value);
      return (_b, a) => !has(a, x);
    }
    case 'is_any_of': {
      const set = new Set((value as unknown[]).map(String));
      return (_b, a) => hasAny(a, set);
    }
    case 'is_none_of': {
      const set = new Set((value as unknown[]).map(String));
      return (_b, a) => !hasAny(a, set);
    }
    case 'changed':
      return (b, a) => !same(b, a);
    case 'changed_to': {
      const x = String(value);
      return (b, a) => has(a, x) && !has(b, x);
    }
    case 'changed_from': {
      const x = String(value);
      return (b, a) => has(b, x) && !has(a, x);
    }
    case 'is_empty':
      return (_b, a) => isEmpty(a);
    case 'is_not_empty':
      return (_b, a) => !isEmpty(a);
    case 'is_within': {
      const seg = `/${String(value)}/`;
      return (_b, _a, _n, path) => path !== null && path.includes(seg);
    }
    // Case-insensitive literal regexes: no lower-cased copy of a long content per row.
    case 'contains': {
      const re = literal(value, '');
      return (_b, a) => re.test(text(a));
    }
    case 'not_contains': {
      const re = literal(value, '');
      return (_b, a) => !re.test(text(a));
    }
    case 'starts_with': {
      const re = literal(value, '^');
      return (_b, a) => re.test(text(a));
    }
    case 'equals': {
      const re = literal(value, '^', '$');
      return (_b, a) => re.test(text(a));
    }
    case 'before': {
      const x = type === 'number' ? Number(value) : Date.parse(String(value));
      return type === 'number'
        ? (_b, a) => typeof a === 'number' && a < x
        : (_b, a) => {
            const t = time(a);
            return t !== null && t < x;
          };
    }
    case 'after': {
      const x = type === 'number' ? Number(value) : Date.parse(String(value));
      return type === 'number'
        ? (_b, a) => typeof a === 'number' && a > x
        : (_b, a) => {
            const t = time(a);
            return t !== null && t > x;
          };
    }
    case 'within_last_days': {
      const span = Number(value) * DAY;
      return (_b, a, now) => {
        const t = time(a);
        return t !== null && t <= now && now - t <= span;
      };
    }
  }
}
