'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { useLive } from './live-desk';

const BEAT_MS = 10000;
/** Typing stays reported this long after the last keystroke. */
const TYPING_MS = 6000;

function post(serviceId: string, ticketId: string, state: 'viewing' | 'typing' | 'left') {
  const body = JSON.stringify({ ticketId, state });
  if (state === 'left' && navigator.sendBeacon)
    navigator.sendBeacon(`/${serviceId}/live`, new Blob([body], { type: 'application/json' }));
  else
    void fetch(`/${serviceId}/live`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      keepalive: true,
    }).catch(() => {});
}

/** Marks the reply box as being typed in (called from its onChange). */
export function noteTyping() {
  window.dispatchEvent(new Event('cd:typing'));
}

/**
 * On the ticket screen: reports that I view (or type on) the ticket every 10 s, and shows who
 * else does — "김민지 님이 이 티켓을 보고 있습니다 / 답변 작성 중".
 */
export function TicketPresence({ serviceId, ticketId }: { serviceId: string; ticketId: string }) {
  const t = useTranslations('live');
  const { presence } = useLive();
  const lastTyped = useRef(0);
  useEffect(() => {
    const state = (): 'typing' | 'viewing' => (Date.now() - lastTyped.current < TYPING_MS ? 'typing' : 'viewing');
    let reported: 'typing' | 'viewing' = state();
    post(serviceId, ticketId, reported);
    const id = setInterval(() => post(serviceId, ticketId, (reported = state())), BEAT_MS);
    const typed = () => {
      lastTyped.current = Date.now();
      if (reported !== 'typing') post(serviceId, ticketId, (reported = 'typing'));
    };
    window.addEventListener('cd:typing', typed);
    return () => {
      clearInterval(id);
      window.removeEventListener('cd:typing', typed);
      post(serviceId, ticketId, 'left');
    };
  }, [serviceId, ticketId]);
  const others = presence.filter((p) => p.ticketId === ticketId);
  if (!others.length) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="ticket-presence"
      className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      {others.map((p) => (
        <p key={p.memberId}>{t(p.state === 'typing' ? 'typing' : 'viewing', { name: p.name })}</p>
      ))}
    </div>
  );
}
