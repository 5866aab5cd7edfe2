import type { DeliveryKind, ServiceDelivery, TriggerDelivery } from '@/db/schema';
import type { Db } from '@/db';
import { sendDoorayComment, sendDoorayTask, type ChannelOutcome } from '@/lib/dooray/deliver';
import { sendSms } from '@/lib/sms/deliver';
import { ProviderError } from './provider';
import { moduleLog } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';

type Sender = (db: Db, d: ServiceDelivery) => Promise<ChannelOutcome>;

const SENDERS: Partial<Record<DeliveryKind, Sender>> = {
  dooray_task: sendDoorayTask,
  dooray_comment: sendDoorayComment,
  sms: sendSms,
};

export function isChannelKind(kind: DeliveryKind): boolean {
  return kind in SENDERS;
}

/** One attempt of a channel delivery, in the outbox's terms; a provider's "no" is not retried. */
export async function attemptChannel(
  db: Db,
  d: TriggerDelivery,
): Promise<{
  ok: boolean;
  status: number | null;
  errorClass: string | null;
  response: string | null;
  latencyMs: number;
  permanent?: boolean;
}> {
  const started = Date.now();
  // Channel sends always belong to a service; only the organization's own mails have none.
  if (!d.serviceId)
    return { ok: false, status: null, errorClass: 'no_service', response: null, latencyMs: 0, permanent: true };
  try {
    const r = await SENDERS[d.kind]!(db, { ...d, serviceId: d.serviceId });
    const latencyMs = Date.now() - started;
    if (r.ok) return { ok: true, status: 200, errorClass: null, response: r.response ?? null, latencyMs };
    return {
      ok: false,
      status: r.status ?? null,
      errorClass: r.errorClass,
      response: r.response ?? null,
      latencyMs,
      permanent: r.permanent,
    };
  } catch (err) {
    const latencyMs = Date.now() - started;
    if (err instanceof ProviderError)
      return {
        ok: false,
        status: err.status,
        errorClass: err.code ?? 'provider',
        response: err.detail,
        latencyMs,
        permanent: err.permanent,
      };
    moduleLog('channels').error({ kind: d.kind, err: safeError(err) }, 'delivery failed');
    return {
      ok: false,
      status: null,
      errorClass: err instanceof Error ? err.name : 'error',
      response: null,
      latencyMs,
    };
  }
}
