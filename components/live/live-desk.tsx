'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useToast } from '@/components/ui/toast';

export type TicketChange = {
  seq: number;
  ticketId: string;
  number: number;
  status: string;
  assigneeId: string | null;
  previousAssigneeId: string | null;
  actorId: string | null;
};
export type Presence = {
  ticketId: string;
  memberId: string;
  name: string;
  state: 'viewing' | 'typing' | 'left';
  at: number;
};
type Live = { me: string; connected: boolean; changes: TicketChange[]; presence: Presence[] };

const LiveContext = createContext<Live>({ me: '', connected: false, changes: [], presence: [] });
/** Presence older than this is gone (viewers report every 10 s). */
const PRESENCE_TTL = 25000;
/** While the stream is down, the page re-reads itself this often. */
const POLL_MS = 10000;

/**
 * The live desk: one EventSource per browser tab on `/{serviceId}/live`. Any ticket change of the
 * service re-renders the current page's server components (list, menu counts, open ticket,
 * dashboard), coalesced to one refresh per 400 ms. While the stream is down it polls instead.
 */
export function LiveDesk({ serviceId, me, children }: { serviceId: string; me: string; children: ReactNode }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations('live');
  const [connected, setConnected] = useState(false);
  const [changes, setChanges] = useState<TicketChange[]>([]);
  const [presence, setPresence] = useState<Presence[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);
  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, 400);
  }, [router]);

  useEffect(() => {
    const es = new EventSource(`/${serviceId}/live`);
    es.addEventListener('ready', () => setConnected(true));
    es.addEventListener('error', () => setConnected(false));
    es.addEventListener('ticket', (ev) => {
      const c = { ...(JSON.parse((ev as MessageEvent<string>).data) as Omit<TicketChange, 'seq'>), seq: ++seq.current };
      setChanges((xs) => [...xs.slice(-49), c]);
      if (c.assigneeId === me && c.previousAssigneeId !== me && c.actorId !== me)
        toast(t('assignedToMe', { number: c.number }));
      refresh();
    });
    es.addEventListener('presence', (ev) => {
      const p = JSON.parse((ev as MessageEvent<string>).data) as Presence;
      if (p.memberId === me) return;
      setPresence((xs) => [
        ...xs.filter(
          (x) => !(x.memberId === p.memberId && x.ticketId === p.ticketId) && Date.now() - x.at < PRESENCE_TTL,
        ),
        ...(p.state === 'left' ? [] : [{ ...p, at: Date.now() }]),
      ]);
    });
    return () => es.close();
  }, [serviceId, me, refresh, toast, t]);

  useEffect(() => {
    if (connected) return;
    const id = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(id);
  }, [connected, router]);

  // Drop presence nobody renewed.
  useEffect(() => {
    const id = setInterval(
      () =>
        setPresence((xs) =>
          xs.some((x) => Date.now() - x.at >= PRESENCE_TTL) ? xs.filter((x) => Date.now() - x.at < PRESENCE_TTL) : xs,
        ),
      5000,
    );
    return () => clearInterval(id);
  }, []);

  return <LiveContext.Provider value={{ me, connected, changes, presence }}>{children}</LiveContext.Provider>;
}

export function useLive() {
  return useContext(LiveContext);
}
