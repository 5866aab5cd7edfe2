import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { authorizeService } from '@/lib/auth/access';
import type { AuthSession } from '@/lib/auth/sessions';
import type { Db } from '@/db';
import { onShutdown } from '@/lib/ops/shutdown';
import { liveHub } from './hub';
import { PRESENCE_CHANNEL } from './notify';

const HEARTBEAT_MS = 20000;
const encoder = new TextEncoder();

/**
 * The server-sent-events stream of one browser: the service's ticket changes and presence
 * reports, from the process's LISTEN connection. Null when the member may not open the service
 * (the caller answers 404, as for any page of another service).
 */
export async function openLiveStream(
  db: Db,
  session: AuthSession | null,
  serviceId: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array> | null> {
  if (!session) return null;
  try {
    await authorizeService(db, session.member, serviceId);
  } catch {
    return null;
  }
  const hub = liveHub();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = hub.subscribe(
        (m) => m.serviceId === serviceId && send(`event: ${m.channel}\ndata: ${m.data}\n\n`),
      );
      const beat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      // On shutdown the stream ends (the browser reconnects to another instance, or polls meanwhile),
      // so the server can close instead of waiting out a connection that never finishes.
      const unregister = onShutdown('live stream', 'drain', end);
      cleanup = () => {
        clearInterval(beat);
        unsubscribe();
        unregister();
      };
      signal.addEventListener('abort', end);
      await hub.ready().catch(() => {});
      // The browser reconnects after 3 s when the stream drops, and polls meanwhile.
      send(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
}

export const presenceInput = z.object({
  ticketId: z.uuid(),
  state: z.enum(['viewing', 'typing', 'left']),
});

/** Tells every live desk of the service that this member views / types on / left a ticket. */
export async function reportPresence(
  db: Db,
  session: AuthSession | null,
  serviceId: string,
  body: unknown,
): Promise<{ status: number; error?: unknown }> {
  if (!session) return { status: 401 };
  const parsed = presenceInput.safeParse(body);
  if (!parsed.success) return { status: 400, error: z.flattenError(parsed.error).fieldErrors };
  try {
    await authorizeService(db, session.member, serviceId);
  } catch {
    return { status: 404 };
  }
  const payload = {
    serviceId,
    ticketId: parsed.data.ticketId,
    state: parsed.data.state,
    memberId: session.member.id,
    name: session.member.name,
    at: Date.now(),
  };
  await db.execute(sql`SELECT pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(payload)})`);
  return { status: 204 };
}
