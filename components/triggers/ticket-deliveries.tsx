import { getTranslations } from 'next-intl/server';
import type { listDeliveries } from '@/db/queries/triggers';
import { DeliveryList } from './delivery-list';

/** The trigger deliveries of one ticket (for the ticket screen's history tab), as its page loaded them. */
export async function TicketDeliveries({
  serviceId,
  ticketId,
  rows,
}: {
  serviceId: string;
  ticketId: string;
  rows: Awaited<ReturnType<typeof listDeliveries>>;
}) {
  const t = await getTranslations('triggers.deliveries');
  return (
    <section aria-labelledby={`deliveries-${ticketId}`} className="space-y-2">
      <h3 id={`deliveries-${ticketId}`} className="text-sm font-semibold">
        {t('ticketTitle')}
      </h3>
      <DeliveryList serviceId={serviceId} rows={rows} showTrigger />
    </section>
  );
}
