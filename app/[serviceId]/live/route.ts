import { getCurrentSession } from '@/lib/auth/session';
import { getDb } from '@/db';
import { openLiveStream, reportPresence } from '@/lib/live/stream';

export const dynamic = 'force-dynamic';

/** The live desk's event stream (text/event-stream); authorizes the service in openLiveStream. */
export async function GET(req: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const stream = await openLiveStream(getDb(), await getCurrentSession(), serviceId, req.signal);
  if (!stream) return new Response('Not found', { status: 404 });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}

/** A presence report ({ ticketId, state }); validated with zod and authorized in reportPresence. */
export async function POST(req: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const body = await req.json().catch(() => null);
  const r = await reportPresence(getDb(), await getCurrentSession(), serviceId, body);
  return r.status === 204
    ? new Response(null, { status: 204 })
    : Response.json({ error: r.error ?? null }, { status: r.status });
}
