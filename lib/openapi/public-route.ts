import { getDb } from '@/db';
import { hitRateLimit } from '@/lib/rate-limit/hit';
import { clientIp } from '@/lib/rate-limit/client-ip';
import { ApiRefusal, handle, RESULT } from './envelope';
import { queryParams } from './request';

/** Reads per client IP and minute on the unauthenticated `/api/v2/` endpoints (DESIGN.md §7). */
export const PUBLIC_LIMIT = { limit: Number(process.env.OPENAPI_PUBLIC_LIMIT) || 600, windowSeconds: 60 };

/** An unauthenticated `/{serviceId}/api/v2/…` GET: rate-limited per IP, answered in the original envelope. */
export function publicRoute(
  run: (input: {
    serviceId: string;
    params: Record<string, string>;
    query: Record<string, string>;
  }) => Promise<Response>,
) {
  return (req: Request, ctx: { params: Promise<Record<string, string>> }) =>
    handle(async () => {
      const params = await ctx.params;
      // Only a well-formed service ID reaches SQL (a NUL byte there was a 500).
      if (typeof params.serviceId !== 'string' || !/^[a-z][a-z0-9]{2,29}$/.test(params.serviceId))
        throw new ApiRefusal(RESULT.notFound, 'Not Found');
      const rate = await hitRateLimit(getDb(), {
        key: `api:v2:ip:${clientIp(req.headers) ?? 'unknown'}`,
        ...PUBLIC_LIMIT,
      });
      if (!rate.ok)
        throw new ApiRefusal(RESULT.tooMany, 'Too Many Requests', null, {
          'Retry-After': String(Math.max(1, rate.retryAfterSeconds)),
        });
      return run({ serviceId: params.serviceId, params, query: queryParams(new URL(req.url)) });
    });
}
