// Public on purpose, no authorization: liveness for load balancers; it reads nothing and says nothing.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
