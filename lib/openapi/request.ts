import { readCappedBody } from '@/lib/net/read-capped';
import { ApiRefusal, RESULT } from './envelope';

/** Largest JSON body accepted (a create with 5000-character content and many fields is far below). */
export const MAX_JSON_BYTES = 1024 * 1024;

/** Reads the body as UTF-8 text, refusing more than `max` bytes before buffering them. */
export async function readBodyText(req: Request, max = MAX_JSON_BYTES): Promise<string> {
  const bytes = await readCappedBody(req, max);
  if (!bytes) throw new ApiRefusal(RESULT.badRequest, `Request body is larger than ${max} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiRefusal(RESULT.badRequest, 'Request body is not valid UTF-8');
  }
}

/** Query parameters as the signature sees them: the first value of each name. */
export function queryParams(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/** A string PostgreSQL and every reader can hold: no NUL, no lone surrogate. */
export function cleanString(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed();
}

/** Parses a JSON body, refusing non-JSON and strings with NUL bytes or lone surrogates anywhere. */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiRefusal(RESULT.badRequest, 'Request body is not JSON');
  }
  const bad = (v: unknown): boolean => {
    if (typeof v === 'string') return !cleanString(v);
    if (Array.isArray(v)) return v.some(bad);
    if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => !cleanString(k) || bad(x));
    return false;
  };
  if (bad(value))
    throw new ApiRefusal(RESULT.badRequest, 'Request body holds a NUL character or an unpaired surrogate');
  return value;
}
