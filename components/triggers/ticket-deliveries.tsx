import { getTranslations } from 'next-intl/server';
import { listDeliveries } from '@/db/queries/triggers';
import { getDb } from '@/lib/db';
import { DeliveryList } from './delivery-list';

/**
 * The trigger deliveries of one ticket (for the ticket screen's history tab). The caller has
 * already checked the viewer may see this ticket of this service.
 */
export async function TicketDeliveries({ serviceId, ticketId }: { serviceId: string; ticketId: string }) {
  const t = await getTranslations('triggers.deliveries');
  const rows = await listDeliveries(getDb(), { serviceId, ticketId });
  return (
    <section aria-labelledby={`deliveries-${ticketId}`} className="space-y-2">
      <h3 id={`deliveries-${ticketId}`} className="text-sm font-semibold">{t('ticketTitle')}</h3>
      <DeliveryList serviceId={serviceId} rows={rows} showTrigger />
    </section>
  );
}
