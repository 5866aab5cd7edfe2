import { OutboundBlockedError, safeFetch } from '@/lib/net/safe-fetch';

/**
 * A provider (Dooray, NHN Cloud SMS) refused or could not be reached. `detail` is the provider's
 * own message or a short reason (timeout, non-JSON answer); safe to show to the admin who acted.
 */
export class ProviderError extends Error {
  constructor(
    readonly status: number | null,
    readonly detail: string,
    /** True when retrying the same request cannot succeed (the provider said no). */
    readonly permanent: boolean,
    readonly code?: string,
  ) {
    super(`provider: ${detail}`);
    this.name = 'ProviderError';
  }
}

type Envelope = { header?: { isSuccessful?: boolean; resultCode?: number | string; resultMessage?: string } };

/**
 * One JSON call to an NHN-style API. Sends (SMS, Dooray tasks and comments) reach it only from the
 * worker through the delivery outbox; inside a request it serves only admin-facing reads that must
 * answer at once (key check by listing sender numbers, member look-up, 연결 테스트).
 *
 * The call (`{header: {isSuccessful, resultCode, resultMessage}, …}`)
 * through safeFetch. Returns the parsed answer; throws ProviderError for a refused address, a
 * timeout, an HTTP error, a non-JSON answer or `isSuccessful: false`.
 */
export async function providerJson<T extends Envelope>(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: unknown; timeoutMs?: number },
): Promise<T> {
  let res;
  try {
    res = await safeFetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json;charset=UTF-8' } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      timeoutMs: init.timeoutMs ?? 10_000,
    });
  } catch (err) {
    if (err instanceof OutboundBlockedError) throw new ProviderError(null, `blocked (${err.reason})`, true, 'blocked');
    const code =
      (err as NodeJS.ErrnoException).code ??
      (err instanceof Error && err.message === 'timeout' ? 'timeout' : 'network');
    throw new ProviderError(null, code, false, code);
  }
  let json: T;
  try {
    json = JSON.parse(res.body) as T;
  } catch {
    throw new ProviderError(
      res.status,
      `HTTP ${res.status}: non-JSON answer`,
      res.status >= 400 && res.status < 500 && res.status !== 429,
      'non_json',
    );
  }
  const h = json?.header;
  if (res.status >= 300 || !h || h.isSuccessful === false) {
    const detail = [h?.resultCode !== undefined ? String(h.resultCode) : `HTTP ${res.status}`, h?.resultMessage]
      .filter(Boolean)
      .join(' ');
    const permanent = res.status < 500 && res.status !== 429;
    throw new ProviderError(
      res.status,
      detail.slice(0, 300),
      permanent,
      h?.resultCode !== undefined ? String(h.resultCode) : `http_${res.status}`,
    );
  }
  return json;
}
