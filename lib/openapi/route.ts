import { getDb } from '@/db';
import { authenticate, type ApiCaller } from './authenticate';
import { handle } from './envelope';
import { queryParams, readBodyText } from './request';

type Ctx = { params: Promise<Record<string, string>> };

/**
 * A signed `/{serviceId}/openapi/v1/…` handler: reads the body (capped), authenticates the
 * request against the exact bytes that were signed, then runs `run`. Every refusal and every
 * unexpected error comes back as the original envelope.
 */
export function signedRoute(
  run: (input: {
    caller: ApiCaller;
    params: Record<string, string>;
    url: URL;
    body: string;
    req: Request;
  }) => Promise<Response>,
) {
  return (req: Request, ctx: Ctx) =>
    handle(async () => {
      const params = await ctx.params;
      const url = new URL(req.url);
      const body = req.method === 'GET' ? '' : await readBodyText(req);
      const caller = await authenticate(getDb(), req, {
        serviceId: params.serviceId,
        uri: url.pathname,
        params: queryParams(url),
        body,
      });
      return run({ caller, params, url, body, req });
    });
}
