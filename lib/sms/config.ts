import { eq } from 'drizzle-orm';
import { services, smsConfigs, type SmsConfig } from '@/db/schema';
import { openCredential, sealCredential } from '@/lib/channels/sealed';
import type { Queryable } from '@/db';
import { ForbiddenError } from '@/lib/errors';
import type { SmsAuth } from './api';

const appKeyBinding = (serviceId: string) => ({ table: 'sms_configs', column: 'app_key_sealed', rowId: serviceId });
const secretBinding = (serviceId: string) => ({ table: 'sms_configs', column: 'secret_key_sealed', rowId: serviceId });

export const sealAppKey = (serviceId: string, v: string) => sealCredential(v, appKeyBinding(serviceId));
export const sealSecretKey = (serviceId: string, v: string) => sealCredential(v, secretBinding(serviceId));

export async function smsConfig(db: Queryable, serviceId: string): Promise<SmsConfig | null> {
  const [row] = await db.select().from(smsConfigs).where(eq(smsConfigs.serviceId, serviceId));
  return row ?? null;
}

/** The stored credentials, opened, for calling the provider. */
export function smsAuth(c: SmsConfig): SmsAuth {
  return {
    baseUrl: c.apiBaseUrl,
    version: c.apiVersion,
    appKey: openCredential(c.appKeySealed, appKeyBinding(c.serviceId)),
    secretKey: c.secretKeySealed ? openCredential(c.secretKeySealed, secretBinding(c.serviceId)) : null,
  };
}

/** SMS exists for a service only when the organization enabled it (org settings). */
export async function requireSmsEnabled(db: Queryable, serviceId: string): Promise<void> {
  const [s] = await db.select({ on: services.smsEnabled }).from(services).where(eq(services.id, serviceId));
  if (!s?.on) throw new ForbiddenError('channels.sms.errors.disabled');
}
