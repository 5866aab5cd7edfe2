import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { smsConfigs } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { providerFieldError } from '@/lib/channels/provider-errors';
import { ValidationError } from '@/lib/errors';
import { SMS_API, listSenders } from './api';
import { requireSmsEnabled, sealAppKey, sealSecretKey, smsAuth, smsConfig } from './config';
import type { allowedSendersInput, smsConfigInput } from './schemas';

/**
 * Saves the SMS key after proving it: the provider must list the key's sender numbers. A refusal
 * (wrong key, wrong secret, blocked IP …) comes back with the provider's message; nothing is stored.
 * Allowed senders no longer registered are dropped.
 */
export async function saveSmsConfig(ctx: ServiceCtx, input: z.output<typeof smsConfigInput>) {
  const serviceId = ctx.service.id;
  await requireSmsEnabled(ctx.db, serviceId);
  const existing = await smsConfig(ctx.db, serviceId);
  const old = existing ? smsAuth(existing) : null;
  const appKey = input.appKey || old?.appKey || '';
  if (!appKey) throw ValidationError.field('appKey', 'validation.required');
  const secretKey = input.secretKey || old?.secretKey || null;
  if (input.apiVersion === 'v3.0' && !secretKey)
    throw ValidationError.field('secretKey', 'channels.sms.errors.secretRequired');
  const baseUrl = input.apiBaseUrl ?? existing?.apiBaseUrl ?? SMS_API;
  let senders: string[];
  try {
    senders = await listSenders({ baseUrl, version: input.apiVersion, appKey, secretKey });
  } catch (err) {
    providerFieldError(err, 'appKey');
  }
  const allowed = (existing?.allowedSenders ?? []).filter((s) => senders.includes(s));
  const values = {
    apiVersion: input.apiVersion,
    apiBaseUrl: baseUrl,
    appKeySealed: sealAppKey(serviceId, appKey),
    secretKeySealed: secretKey ? sealSecretKey(serviceId, secretKey) : null,
    registeredSenders: senders,
    allowedSenders: allowed,
    updatedAt: new Date(),
  };
  await ctx.db
    .insert(smsConfigs)
    .values({ serviceId, ...values })
    .onConflictDoUpdate({ target: smsConfigs.serviceId, set: values });
  return { senders };
}

/** Which registered sender numbers agents may use; a number the key does not have is refused. */
export async function saveAllowedSenders(ctx: ServiceCtx, input: z.output<typeof allowedSendersInput>) {
  await requireSmsEnabled(ctx.db, ctx.service.id);
  const cfg = await smsConfig(ctx.db, ctx.service.id);
  if (!cfg) throw ValidationError.field('senders', 'channels.sms.errors.noConfig');
  const unknown = input.senders.filter((s) => !cfg.registeredSenders.includes(s));
  if (unknown.length)
    throw ValidationError.field('senders', 'channels.sms.errors.senderUnknown', { sender: unknown.join(', ') });
  const senders = [...new Set(input.senders)];
  await ctx.db
    .update(smsConfigs)
    .set({ allowedSenders: senders, updatedAt: new Date() })
    .where(eq(smsConfigs.serviceId, ctx.service.id));
  return { senders };
}

/** 연결 테스트 of the stored key: lists its sender numbers again (and keeps the fresh list). */
export async function testSmsConfig(ctx: ServiceCtx) {
  await requireSmsEnabled(ctx.db, ctx.service.id);
  const cfg = await smsConfig(ctx.db, ctx.service.id);
  if (!cfg) throw ValidationError.field('appKey', 'channels.sms.errors.noConfig');
  const started = Date.now();
  try {
    const senders = await listSenders(smsAuth(cfg));
    await ctx.db
      .update(smsConfigs)
      .set({ registeredSenders: senders, updatedAt: new Date() })
      .where(eq(smsConfigs.serviceId, ctx.service.id));
    return { senders: senders.length, latencyMs: Date.now() - started };
  } catch (err) {
    providerFieldError(err, 'appKey');
  }
}
