import { notFound, redirect } from 'next/navigation';
import { getService } from '@/db/queries/services';
import { getDb } from '@/db';

/** `/{serviceId}/hc` → the help center in the service's default language. */
export default async function HelpcenterRoot({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const service = /^[a-z][a-z0-9]{2,29}$/.test(serviceId) ? await getService(getDb(), serviceId) : null;
  if (!service) notFound();
  redirect(`/${service.id}/hc/${service.languages[0]}`);
}
