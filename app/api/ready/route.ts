import { getDb } from '@/db';
import { checkReadiness } from '@/lib/ops/readiness';

// Public on purpose, no authorization. Readiness: public by design (load balancers call it without a session); it answers yes or
// no and keeps the reason in the server log.
export const dynamic = 'force-dynamic';

export async function GET() {
  const r = await checkReadiness(getDb());
  if (!r.ready) console.warn('[ready] not ready:', r.reason);
  return Response.json({ status: r.ready ? 'ready' : 'unavailable' }, { status: r.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
