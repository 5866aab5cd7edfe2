import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '@/lib/attachments/limits';
import { IMPORT_MAX_BYTES } from '@/lib/categories/xlsx-layout';

const MB = 1024 * 1024;

/** What any other POST (a server action, a route handler) may send. */
export const DEFAULT_BODY_LIMIT = 1 * MB;

/**
 * The few routes that take files, with what they may send: their own per-file limits plus
 * room for the form around them. Everything else gets DEFAULT_BODY_LIMIT. The largest entry
 * must match experimental.serverActions.bodySizeLimit in next.config.mjs.
 */
export const BODY_LIMITS: { path: RegExp; bytes: number }[] = [
  { path: /^\/[a-z][a-z0-9]{2,29}\/hc\/[A-Za-z_]{2,10}\/?$/, bytes: MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 2 * MB },
  { path: /^\/[a-z][a-z0-9]{2,29}\/settings\/categories\/?$/, bytes: IMPORT_MAX_BYTES + 1 * MB },
];

/** The largest body a POST to `pathname` may carry. */
export function bodyLimit(pathname: string): number {
  return BODY_LIMITS.find((l) => l.path.test(pathname))?.bytes ?? DEFAULT_BODY_LIMIT;
}

export type BodyVerdict = 'ok' | 'too_large' | 'length_required';

/**
 * Judges a request by its headers alone, before any of its body is read: a body over the
 * route's limit, or a body of unknown length (chunked), is refused.
 */
export function judgeBody(
  method: string,
  pathname: string,
  headers: { get(name: string): string | null },
): BodyVerdict {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 'ok';
  const length = headers.get('content-length');
  if (length === null) return headers.get('transfer-encoding') ? 'length_required' : 'ok';
  const n = Number(length);
  if (!Number.isSafeInteger(n) || n < 0) return 'length_required';
  return n > bodyLimit(pathname) ? 'too_large' : 'ok';
}
