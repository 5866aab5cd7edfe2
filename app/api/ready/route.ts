import { getDb } from '@/db';
import { moduleLog } from '@/lib/log/logger';
import { isShuttingDown } from '@/lib/ops/shutdown';
import { checkReadiness } from '@/lib/ops/readiness';

// Public on purpose, no authorization. Readiness: public by design (load balancers call it without a session); it answers yes or
// no and keeps the reason in the server log.
export const dynamic = 'force-dynamic';

export async function GET() {
  // A stopping instance says so at once, so a load balancer sends the next requests elsewhere.
  const r = isShuttingDown() ? { ready: false as const, reason: 'shutting down' } : await checkReadiness(getDb());
  if (!r.ready) moduleLog('ready').warn({ reason: r.reason }, 'not ready');
  return Response.json(
    { status: r.ready ? 'ready' : 'unavailable' },
    { status: r.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
