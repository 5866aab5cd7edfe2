import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How long a signed request stays valid (integrations.md §1.10: 5 minutes). */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;
/** Clock skew tolerated for timestamps ahead of ours. */
export const FUTURE_SKEW_MS = 30_000;

export type SignedParts = {
  orgId: string;
  /** The request path, without the query string (Java's getRequestURI). */
  uri: string;
  /** Query (and form) parameters; multi-valued ones use their first value, as the original does. */
  params: Record<string, string>;
  /** The raw body string, or '' when there is none. For multipart uploads: the file's MD5 hex. */
  body: string;
  timestamp: string;
};

/**
 * The signed message of the original product (integrations.md §1.10): organization id +
 * request URI + parameter values ordered by parameter name and joined by `&` + (`&` when
 * there were parameters) + raw body + the X-TC-Timestamp value.
 */
export function canonicalMessage(p: SignedParts): string {
  const names = Object.keys(p.params).sort();
  let msg = p.orgId + p.uri + names.map((n) => p.params[n]).join('&');
  if (p.body) msg += (names.length ? '&' : '') + p.body;
  return msg + p.timestamp;
}

/** Base64 of HMAC-SHA256 keyed with the service key. */
export function sign(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('base64');
}

/** Compares a presented Authorization value with the expected signature in constant time. */
export function signatureMatches(key: string, message: string, presented: string): boolean {
  const expected = Buffer.from(sign(key, message));
  const got = Buffer.from(presented.trim());
  return expected.length === got.length && timingSafeEqual(expected, got);
}

/** MD5 hex of an uploaded file: what a multipart upload signs instead of parameters. */
export function fileDigest(data: Buffer): string {
  return createHash('md5').update(data).digest('hex');
}
