import { NextResponse } from 'next/server';
import { moduleLog } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';

/** Result codes of the original Open API (integrations.md §1.10), plus 429 for the per-key rate limit. */
export const RESULT = {
  ok: 200,
  badRequest: 400,
  denied: 403,
  notFound: 404,
  tooMany: 429,
  error: 500,
  noData: 9005,
  exists: 9007,
} as const;

export type Envelope<T> = {
  header: { resultCode: number; resultMessage: string; isSuccessful: boolean };
  result: T | null;
};

/** HTTP status of a result code: the code itself where it is an HTTP error, 400 for the original's own codes. */
function statusOf(code: number): number {
  if (code === 200) return 200;
  if (code >= 400 && code < 600) return code;
  return 400;
}

/** `{header, result}` with the matching HTTP status. */
export function envelope<T>(
  code: number,
  message: string,
  result: T | null = null,
  headers?: Record<string, string>,
): NextResponse<Envelope<T>> {
  return NextResponse.json(
    { header: { resultCode: code, resultMessage: message, isSuccessful: code === 200 }, result },
    { status: statusOf(code), headers },
  );
}

export const success = <T>(result: T) => envelope(RESULT.ok, 'SUCCESS', result);

/** A refusal the caller can act on; thrown inside handlers and turned into the envelope once. */
export class ApiRefusal extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly result: unknown = null,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Runs a handler; refusals become their envelope, anything else a logged 500 envelope (never a bare 500). */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ApiRefusal) return envelope(err.code, err.message, err.result, err.headers);
    moduleLog('openapi').error({ err: safeError(err) }, 'unexpected error');
    return envelope(RESULT.error, 'Internal Server Error');
  }
}
