'use client';

import { Star } from 'lucide-react';
import { useOptimistic, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { useToast } from '@/components/ui/toast';
import { starTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';

/** ☆ 중요 toggle: flips at once, rolls back with a message if the save fails. */
export function StarButton({
  serviceId,
  ticketId,
  starred,
}: {
  serviceId: string;
  ticketId: string;
  starred: boolean;
}) {
  const t = useTranslations('tickets');
  const toast = useToast();
  const [shown, setShown] = useOptimistic(starred);
  const [, start] = useTransition();
  const toggle = () =>
    start(async () => {
      setShown(!shown);
      const r = await starTicketAction(null, { serviceId, ticketId, starred: !shown });
      if (!r.ok) toast(r.error, 'error');
    });
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={shown}
      aria-label={t('star')}
      title={t('star')}
      className="rounded p-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      <Star className={shown ? 'size-4 fill-amber-400 text-amber-500' : 'size-4 text-slate-400'} aria-hidden />
    </button>
  );
}
