import { z } from 'zod';

/**
 * Bidi overrides/isolates/marks and zero-width characters: invisible, and able to make
 * `evil\u202Efdp.zip` read as `evilpdf.zip`. Stripped from names, titles and file names.
 */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** `s` without bidi controls and zero-width characters. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** True when `s` holds a NUL byte, which PostgreSQL text refuses (with an error that echoes SQL). */
export function hasNul(s: string): boolean {
  return s.includes('\u0000');
}

/** Hard caps on free-text field values, whatever a field's own max length says (0 = none). */
export const TEXT_VALUE_MAX = 2000;
export const TEXTAREA_VALUE_MAX = 100_000;

// Input keys whose strings are names or titles shown to people (`names.ko`, `titles[en]` too).
const NAME_KEY = /^(names?|titles?|subject|fileName|botName)(?:$|[.[_])/;

type Cleaned = { value: unknown; nulPaths: (string | number)[][] };

function walk(
  v: unknown,
  path: (string | number)[],
  inName: boolean,
  out: Cleaned['nulPaths'],
  depth: number,
): unknown {
  if (typeof v === 'string') {
    if (hasNul(v)) out.push(path);
    return inName ? stripInvisible(v) : v;
  }
  if (depth > 20 || v === null || typeof v !== 'object' || v instanceof Blob || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], inName, out, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k], inName || NAME_KEY.test(k), out, depth + 1)]),
  );
}

/**
 * The one place untrusted input is cleaned before any schema sees it: names and titles lose
 * invisible characters, and every path holding a NUL byte is collected (refused by the caller).
 */
export function cleanInput(raw: unknown): Cleaned {
  const nulPaths: Cleaned['nulPaths'] = [];
  return { value: walk(raw, [], false, nulPaths, 0), nulPaths };
}

/**
 * Parses untrusted input with `schema` after `cleanInput`: a NUL byte anywhere is a field
 * error (`validation.controlChars`) on that field — keyed by its dotted path, `names.ko` —
 * never a database error. Every action goes through it.
 */
export async function parseClean<S extends z.ZodType>(schema: S, raw: unknown): Promise<z.output<S>> {
  const { value, nulPaths } = cleanInput(raw);
  if (nulPaths.length) {
    throw new z.ZodError(
      nulPaths.map((path) => ({
        code: 'custom' as const,
        path: path.length ? [path.join('.')] : ['_form'],
        message: 'validation.controlChars',
        input: undefined,
      })),
    );
  }
  return schema.parseAsync(value);
}

/** A zod refinement for schemas parsed outside the action wrapper (login). */
export const noNul = (s: string) => !hasNul(s);
