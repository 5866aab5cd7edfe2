import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/** How long a help-center form may stay open before it must be reloaded. */
export const FORM_TOKEN_SECONDS = 24 * 3600;
/** How long the confirmation page and its attachment links keep working. */
export const RECEIPT_SECONDS = 7 * 86400;

function secret(): string {
  const s = process.env.NEXTAUTH_SECRET || process.env.APP_ENCRYPTION_KEY;
  if (!s) throw new Error('NEXTAUTH_SECRET or APP_ENCRYPTION_KEY must be set to sign help-center tokens');
  return s;
}

// One key per purpose, so a token made for one thing never verifies as another.
const mac = (purpose: string, parts: string[]) =>
  createHmac('sha256', createHmac('sha256', secret()).update(`contact-desk:${purpose}`).digest())
    .update(parts.join('\n'))
    .digest('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Verdict = 'ok' | 'invalid' | 'expired';

/** `<exp>.<mac>` over the purpose and parts: a stateless, expiring proof we issued it. */
export function sign(purpose: string, parts: string[], ttlSeconds: number, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  return `${exp}.${mac(purpose, [...parts, String(exp)])}`;
}

export function verify(purpose: string, parts: string[], token: unknown, now = Date.now()): Verdict {
  if (typeof token !== 'string' || token.length > 200) return 'invalid';
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m || !same(m[2], mac(purpose, [...parts, m[1]]))) return 'invalid';
  return Number(m[1]) * 1000 < now ? 'expired' : 'ok';
}

/** A new form token `<id>.<exp>.<mac>` for one service's help-center form. */
export function issueFormToken(serviceId: string, now = Date.now()): string {
  const id = randomUUID();
  return `${id}.${sign('hc-form', [serviceId, id], FORM_TOKEN_SECONDS, now)}`;
}

/** Checks a form token's signature, service and expiry; `id` is what makes it single-use. */
export function checkFormToken(
  serviceId: string,
  token: unknown,
  now = Date.now(),
): { verdict: Verdict; id: string | null } {
  if (typeof token !== 'string') return { verdict: 'invalid', id: null };
  const m = /^([0-9a-f-]{36})\.(.+)$/.exec(token);
  if (!m) return { verdict: 'invalid', id: null };
  const verdict = verify('hc-form', [serviceId, m[1]], m[2], now);
  return { verdict, id: verdict === 'invalid' ? null : m[1] };
}

/** The confirmation page's proof that this browser filed the ticket: `<ticketId>.<exp>.<mac>`. */
export function issueReceipt(serviceId: string, ticketId: string, now = Date.now()): string {
  return `${ticketId}.${sign('hc-receipt', [serviceId, ticketId], RECEIPT_SECONDS, now)}`;
}

export function checkReceipt(serviceId: string, receipt: unknown, now = Date.now()): string | null {
  if (typeof receipt !== 'string') return null;
  const m = /^([0-9a-f-]{36})\.(.+)$/.exec(receipt);
  return m && verify('hc-receipt', [serviceId, m[1]], m[2], now) === 'ok' ? m[1] : null;
}

/** A download token bound to one attachment, for the requester's links (7 days). */
export function attachmentToken(serviceId: string, attachmentId: string, now = Date.now()): string {
  return sign('attachment', [serviceId, attachmentId], RECEIPT_SECONDS, now);
}

export function checkAttachmentToken(
  serviceId: string,
  attachmentId: string,
  token: unknown,
  now = Date.now(),
): boolean {
  return verify('attachment', [serviceId, attachmentId], token, now) === 'ok';
}
