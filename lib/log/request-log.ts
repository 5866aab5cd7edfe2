/**
 * The request id and the access line of the app's server (scripts/server.ts): every request
 * gets an id — a trusted proxy's X-Request-Id, else a new UUID — echoed as X-Request-Id and
 * carried by every log line written while the request runs; one line when it ends, with the
 * method, the path without its query string, the status and the duration. No client address,
 * user agent or query values: those are personal data or secrets.
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { moduleLog, pathOnly, withLogContext } from '@/lib/log/logger';
import { trustedProxyHops } from '@/lib/rate-limit/client-ip';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A proxy's request id is kept only from a trusted proxy (TRUST_PROXY); otherwise a new one. */
export function requestId(header: string | string[] | undefined, hops = trustedProxyHops()): string {
  const given = Array.isArray(header) ? header[0] : header;
  return hops > 0 && given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Wraps a handler: a request id, its log context, and one access line when the response ends. */
export function withRequestLog(handler: (req: http.IncomingMessage, res: http.ServerResponse) => unknown) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const reqId = requestId(req.headers['x-request-id']);
    req.headers['x-request-id'] = reqId;
    res.setHeader('X-Request-Id', reqId);
    const started = process.hrtime.bigint();
    return withLogContext({ reqId }, () => {
      const path = pathOnly(req.url);
      res.once('close', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        // Static assets only at debug: they would drown the requests that matter.
        const level = res.statusCode >= 500 ? 'error' : path.startsWith('/_next/') ? 'debug' : 'info';
        moduleLog('http')[level](
          {
            method: req.method,
            path,
            status: res.statusCode,
            ms: Math.round(ms * 10) / 10,
            aborted: !res.writableFinished || undefined,
          },
          'request',
        );
      });
      return handler(req, res);
    });
  };
}
