/**
 * Substitution codes (치환코드, SPEC §7): `#{code}` in templates, mail layouts, notification mails
 * and Dooray alerts. One parser and one renderer for all of them.
 */
import { escapeHtml } from '@/lib/html/escape';

const CODE = /#\{([A-Za-z][A-Za-z0-9_]{0,49})\}/g;

/** Ticket facts every template may use besides the field codes. */
export const META_CODES = [
  'ticketNo',
  'status',
  'priority',
  'processingType',
  'assignee',
  'group',
  'createdAt',
  'ticketUrl',
  'helpcenterUrl',
  'content',
  'inquiry',
] as const;

/** The distinct codes a text uses, in order of first appearance. */
export function codesIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(CODE), (m) => m[1]))];
}

/** Codes of `text` that are not in `known` (refused on save). */
export function unknownCodes(text: string, known: ReadonlySet<string>): string[] {
  return codesIn(text).filter((c) => !known.has(c));
}

/**
 * Replaces every known code with its value (HTML-escaped when `html`), in one pass so a value
 * that itself contains `#{…}` is never expanded again. Codes without a value are left visible
 * (the editor preview shows them; saving has already refused unknown ones).
 */
export function renderCodes(
  text: string,
  values: Readonly<Record<string, string | null | undefined>>,
  opts: { html: boolean },
): string {
  return text.replace(CODE, (whole, code: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, code)) return whole;
    const v = values[code] ?? '';
    return opts.html ? escapeHtml(v) : v;
  });
}
