import 'server-only';
import { Client } from 'pg';
import { moduleLog } from '@/lib/log/logger';
import { onShutdown } from '@/lib/ops/shutdown';
import { PRESENCE_CHANNEL, TICKET_CHANNEL } from './notify';

export type LiveMessage = { channel: 'ticket' | 'presence'; serviceId: string; data: string };
type Listener = (m: LiveMessage) => void;

/**
 * One LISTEN connection per app process, shared by every browser stream of that process
 * (a connection per browser would exhaust PostgreSQL's). Reconnects with backoff when the
 * connection drops; the browsers meanwhile fall back to polling (components/live).
 */
class LiveHub {
  private listeners = new Set<Listener>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry = 500;
  private closed = false;

  constructor(private url: string) {}

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    void this.ensure();
    return () => void this.listeners.delete(fn);
  }

  /** Resolves once the LISTEN is in place (tests wait for it before changing a ticket). */
  ready(): Promise<void> {
    return this.ensure();
  }

  get size() {
    return this.listeners.size;
  }

  private ensure(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect() {
    const client = new Client({ connectionString: this.url, application_name: 'contact-desk live' });
    const lost = (err?: Error) => {
      if (this.client !== client || this.closed) return;
      this.client = null;
      if (err) moduleLog('live').warn({ err: err.message }, 'LISTEN connection lost');
      client.end().catch(() => {});
      const wait = this.retry;
      this.retry = Math.min(this.retry * 2, 15000);
      setTimeout(() => void this.ensure().catch(() => {}), wait).unref?.();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => {
      if (!n.payload) return;
      const channel = n.channel === TICKET_CHANNEL ? 'ticket' : n.channel === PRESENCE_CHANNEL ? 'presence' : null;
      if (!channel) return;
      let serviceId: unknown;
      try {
        serviceId = (JSON.parse(n.payload) as { serviceId?: unknown }).serviceId;
      } catch {
        return;
      }
      if (typeof serviceId !== 'string') return;
      for (const fn of this.listeners) fn({ channel, serviceId, data: n.payload });
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${TICKET_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    } catch (err) {
      client.end().catch(() => {});
      const wait = this.retry;
      this.retry = Math.min(this.retry * 2, 15000);
      setTimeout(() => void this.ensure().catch(() => {}), wait).unref?.();
      throw err;
    }
    if (this.closed) {
      // Closed while connecting: nothing may keep listening (or reconnecting) after close().
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retry = 500;
  }

  async close() {
    this.closed = true;
    const c = this.client;
    this.client = null;
    this.listeners.clear();
    await c?.end().catch(() => {});
  }
}

const g = globalThis as unknown as { __contactDeskLive?: LiveHub; __contactDeskLiveShutdown?: () => void };

/** The process's hub for the current DATABASE_URL. */
export function liveHub(): LiveHub {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!g.__contactDeskLive || (g.__contactDeskLive as unknown as { url: string }).url !== url) {
    void g.__contactDeskLive?.close();
    g.__contactDeskLive = new LiveHub(url);
    g.__contactDeskLiveShutdown?.();
    g.__contactDeskLiveShutdown = onShutdown('live hub', 'close', closeLiveHub);
  }
  return g.__contactDeskLive;
}

/** Closes the hub (tests and scripts). */
export async function closeLiveHub() {
  const h = g.__contactDeskLive;
  g.__contactDeskLive = undefined;
  await h?.close();
}
