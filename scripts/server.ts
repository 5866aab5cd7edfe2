/**
 * The app's HTTP server: Next's request handler behind one step that stamps the client's
 * address from the socket (lib/rate-limit/client-ip.ts), so rate limits, sessions and the
 * access log never take a client-supplied X-Forwarded-For. Started by scripts/run.ts.
 *
 * Every request gets an id (echoed as X-Request-Id, on every log line written while it runs)
 * and one log line when it ends: method, path without the query string, status, duration.
 * SIGTERM / SIGINT shut down gracefully (lib/ops/shutdown.ts): no new connections, live
 * streams closed, running requests and jobs given SHUTDOWN_GRACE_MS, then the pools closed.
 */
import http from 'node:http';
import next from 'next';
import { closeDb } from '@/db';
import { log, moduleLog } from '@/lib/log/logger';
import { withRequestLog } from '@/lib/log/request-log';
import { safeError } from '@/lib/log/safe-error';
import { beginShutdown, runShutdownPhase, shutdownGraceMs } from '@/lib/ops/shutdown';
import { trustedProxyHops, withClientIp } from '@/lib/rate-limit/client-ip';

async function main() {
  const dev = process.argv[2] === 'dev';
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME_BIND || undefined;
  const app = next({ dev, port, hostname: hostname ?? 'localhost', ...(dev ? { turbopack: true } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer(withRequestLog(withClientIp((req, res) => handle(req, res), trustedProxyHops())));
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
  server.listen(port, hostname, () => {
    log().info(
      { mode: dev ? 'development' : 'production', port, trustProxy: trustedProxyHops() },
      `server on http://localhost:${port}`,
    );
  });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const graceMs = shutdownGraceMs();
    const deadline = Date.now() + graceMs;
    const shutdownLog = moduleLog('shutdown');
    shutdownLog.info({ signal, graceMs }, 'shutting down: no new requests or jobs; running ones may finish');
    beginShutdown();
    // A last resort: the process ends even if a step hangs.
    setTimeout(() => {
      shutdownLog.error('shutdown took too long: exiting');
      process.exit(1);
    }, graceMs + 15_000).unref();
    const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Keep-alive connections that become idle after their last response are closed as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    const late = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()));
    await Promise.all([httpClosed, runShutdownPhase('drain', deadline)]);
    clearInterval(idle);
    clearTimeout(late);
    await runShutdownPhase('close', deadline);
    await closeDb().catch((err) => shutdownLog.error({ err: safeError(err) }, 'closing the pool failed'));
    shutdownLog.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  log().fatal({ err: safeError(err) }, 'server failed');
  process.exit(1);
});
