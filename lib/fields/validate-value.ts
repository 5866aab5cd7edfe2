import { z } from 'zod';
import type { MessageRef } from '@/lib/errors';
import { stripInvisible, TEXTAREA_VALUE_MAX, TEXT_VALUE_MAX } from '@/lib/validation/hygiene';
import type { FieldValue } from '@/db/values';
import type { FieldRule } from './types';

export type ValueCheck = { ok: true; value: FieldValue | null } | { ok: false; error: MessageRef };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
// Control characters other than tab and line breaks never belong in a field value.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// System fields shown as a person's name or a ticket's title: no bidi or zero-width tricks.
const SHOWN_AS_NAME = new Set(['subject', 'name']);
// The requester e-mail (system field `mail`) is one address, never a list to fan out to.
const ONE_ADDRESS = z.email().max(254);

function realDate(y: string, m: string, d: string): boolean {
  const dt = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return dt.getUTCFullYear() === Number(y) && dt.getUTCMonth() === Number(m) - 1 && dt.getUTCDate() === Number(d);
}

function isDate(v: string): boolean {
  const m = DATE.exec(v);
  return Boolean(m && realDate(m[1], m[2], m[3]));
}

function isDateTime(v: string): boolean {
  const m = DATETIME.exec(v);
  return Boolean(m && realDate(m[1], m[2], m[3]) && Number(m[4]) < 24 && Number(m[5]) < 60);
}

function period(v: string, one: (s: string) => boolean): boolean {
  const parts = v.split(' ~ ');
  // Same-format strings compare in time order, so the end may not come before the start.
  return parts.length === 2 && one(parts[0]) && one(parts[1]) && parts[0] <= parts[1];
}

function isEmpty(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && !raw.trim()) ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

const fail = (key: string, params?: Record<string, string | number>): ValueCheck => ({
  ok: false,
  error: { key, params },
});

/**
 * Checks and normalizes one submitted value against its field: required, type, format,
 * options and length. Returns null for an empty optional value.
 */
export function validateFieldValue(rule: FieldRule, raw: unknown): ValueCheck {
  if (rule.type === 'caption' || rule.type === 'file') return { ok: true, value: null };
  if (rule.type === 'agree') {
    const v =
      raw === true || raw === 'true' || raw === 'on'
        ? true
        : raw === false || raw === 'false' || isEmpty(raw)
          ? false
          : null;
    if (v === null) return fail('validation.field.agree');
    if (rule.required && !v) return fail('validation.field.mustAgree');
    return { ok: true, value: v };
  }
  if (isEmpty(raw)) return rule.required ? fail('validation.required') : { ok: true, value: null };
  const options = new Set((rule.options ?? []).map((o) => o.value));

  if (rule.type === 'checkbox') {
    const list = Array.isArray(raw) ? raw : [raw];
    if (!list.every((x): x is string => typeof x === 'string')) return fail('validation.invalid');
    if (!list.every((x) => options.has(x))) return fail('validation.choice');
    return { ok: true, value: [...new Set(list)] };
  }
  if (typeof raw !== 'string') return fail('validation.invalid');
  const shown = SHOWN_AS_NAME.has(rule.code) ? stripInvisible(raw) : raw;
  const v = rule.type === 'textarea' ? shown : shown.trim();
  if (!v) return rule.required ? fail('validation.required') : { ok: true, value: null };

  switch (rule.type) {
    case 'text':
    case 'textarea':
      if (CONTROL.test(v) || (rule.type === 'text' && /[\r\n]/.test(v))) return fail('validation.controlChars');
      {
        // A field without its own limit still has one: a public form must not store megabytes.
        const hard = rule.type === 'text' ? TEXT_VALUE_MAX : TEXTAREA_VALUE_MAX;
        const max = rule.maxLength ? Math.min(rule.maxLength, hard) : hard;
        if (v.length > max * 2 || [...v].length > max) return fail('validation.tooLong', { max });
      }
      if (rule.code === 'mail' && !ONE_ADDRESS.safeParse(v).success) return fail('validation.email');
      return { ok: true, value: v };
    case 'dropdown':
    case 'radio':
      return options.has(v) ? { ok: true, value: v } : fail('validation.choice');
    case 'date':
      return isDate(v) ? { ok: true, value: v } : fail('validation.field.date');
    case 'datetime':
      return isDateTime(v) ? { ok: true, value: v } : fail('validation.field.datetime');
    case 'date_period':
      return period(v, isDate) ? { ok: true, value: v } : fail('validation.field.datePeriod');
    case 'datetime_period':
      return period(v, isDateTime) ? { ok: true, value: v } : fail('validation.field.datetimePeriod');
  }
}

/** Validates every field of a form; errors are keyed by field code. */
export function validateFieldValues(
  rules: FieldRule[],
  values: Record<string, unknown>,
): { values: Record<string, FieldValue>; errors: Record<string, MessageRef[]> } {
  const out: Record<string, FieldValue> = {};
  const errors: Record<string, MessageRef[]> = {};
  for (const rule of rules) {
    const r = validateFieldValue(rule, values[rule.code]);
    if (!r.ok) errors[rule.code] = [r.error];
    else if (r.value !== null) out[rule.code] = r.value;
  }
  return { values: out, errors };
}
