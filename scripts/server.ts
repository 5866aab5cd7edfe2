/**
 * The app's HTTP server: Next's request handler behind one step that stamps the client's
 * address from the socket (lib/rate-limit/client-ip.ts), so rate limits, sessions and the
 * access log never take a client-supplied X-Forwarded-For. Started by scripts/run.ts.
 */
import http from 'node:http';
import next from 'next';
import { trustedProxyHops, withClientIp } from '@/lib/rate-limit/client-ip';

async function main() {
  const dev = process.argv[2] === 'dev';
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME_BIND || undefined;
  const app = next({ dev, port, hostname: hostname ?? 'localhost', ...(dev ? { turbopack: true } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer(withClientIp((req, res) => handle(req, res), trustedProxyHops()));
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
  server.listen(port, hostname, () => {
    console.log(`[contact-desk] ${dev ? 'development' : 'production'} server on http://localhost:${port} (TRUST_PROXY=${trustedProxyHops()})`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('[contact-desk] server failed:', err);
  process.exit(1);
});
