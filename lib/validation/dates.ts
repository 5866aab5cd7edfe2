const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a calendar day written YYYY-MM-DD that exists. `Date.parse('2024-02-30')` is a
 * number (it rolls over to March 1st) while PostgreSQL refuses the same text with an error.
 */
export function isRealDay(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DAY.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** `decodeURIComponent` that answers null instead of throwing on a malformed `%` sequence. */
export function safeDecode(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}
