import { randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { doorayConfigs, doorayOrgs, type DoorayOrg } from '@/db/schema';
import { openCredential, sealCredential } from '@/lib/channels/sealed';
import type { Queryable } from '@/db';
import { appUrl } from '@/lib/app-url';
import type { DoorayAuth } from './api';
import type { ServiceCtx } from '@/lib/context';
import type { DoorayStateInput } from './schemas';

const hookBinding = (serviceId: string) => ({ table: 'dooray_configs', column: 'hook_token_sealed', rowId: serviceId });
const tenantBinding = (serviceId: string) => ({
  table: 'dooray_orgs',
  column: 'tenant_token_sealed',
  rowId: serviceId,
});

export const sealTenantToken = (serviceId: string, token: string) => sealCredential(token, tenantBinding(serviceId));

const newToken = () => randomBytes(24).toString('base64url');

export type DoorayState = { enabled: boolean; paused: boolean; hookToken: string };

/** The service's Dooray switches and hook token; made (disabled, with a fresh token) on first read. */
export async function doorayState(db: Queryable, serviceId: string): Promise<DoorayState> {
  let [row] = await db.select().from(doorayConfigs).where(eq(doorayConfigs.serviceId, serviceId));
  if (!row) {
    await db
      .insert(doorayConfigs)
      .values({ serviceId, hookTokenSealed: sealCredential(newToken(), hookBinding(serviceId)) })
      .onConflictDoNothing();
    [row] = await db.select().from(doorayConfigs).where(eq(doorayConfigs.serviceId, serviceId));
  }
  return {
    enabled: row.enabled,
    paused: row.paused,
    hookToken: openCredential(row.hookTokenSealed, hookBinding(serviceId)),
  };
}

/** The switches and token if the service has ever opened its Dooray settings; never writes. */
export async function readDoorayState(db: Queryable, serviceId: string): Promise<DoorayState | null> {
  const [row] = await db.select().from(doorayConfigs).where(eq(doorayConfigs.serviceId, serviceId));
  return row
    ? {
        enabled: row.enabled,
        paused: row.paused,
        hookToken: openCredential(row.hookTokenSealed, hookBinding(serviceId)),
      }
    : null;
}

/** 이관 활성화 / 일시 중지: pausing keeps every setting and task, it only stops new transfers. */
export async function setDoorayState(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: DoorayStateInput) {
  await doorayState(ctx.db, ctx.service.id);
  await ctx.db
    .update(doorayConfigs)
    .set({ enabled: input.enabled, paused: input.paused, updatedAt: sql`now()` })
    .where(eq(doorayConfigs.serviceId, ctx.service.id));
}

/** Replaces the hook token: the old URL stops working at once. */
export async function regenerateHookToken(ctx: Pick<ServiceCtx, 'db' | 'service'>): Promise<string> {
  const serviceId = ctx.service.id;
  await doorayState(ctx.db, serviceId);
  const token = newToken();
  await ctx.db
    .update(doorayConfigs)
    .set({ hookTokenSealed: sealCredential(token, hookBinding(serviceId)), updatedAt: sql`now()` })
    .where(eq(doorayConfigs.serviceId, serviceId));
  return token;
}

/** The inbound webhook URL to give Dooray: it carries the token, so screens show `maskedHookUrl` until 보기. */
export async function doorayHookUrl(ctx: Pick<ServiceCtx, 'db' | 'service'>): Promise<string> {
  const serviceId = ctx.service.id;
  const { hookToken } = await doorayState(ctx.db, serviceId);
  return `${appUrl()}/${serviceId}/api/v2/dooray/hook?token=${encodeURIComponent(hookToken)}`;
}

export function maskedHookUrl(serviceId: string, hookToken: string): string {
  return `${appUrl()}/${serviceId}/api/v2/dooray/hook?token=••••${hookToken.slice(-4)}`;
}

/** Constant-time comparison of a presented hook token with the service's. */
export function tokenMatches(presented: string, actual: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function doorayOrg(db: Queryable, serviceId: string): Promise<DoorayOrg | null> {
  const [row] = await db.select().from(doorayOrgs).where(eq(doorayOrgs.serviceId, serviceId));
  return row ?? null;
}

/** How to call Dooray for the service's organization (the tenant token, opened). */
export function orgAuth(org: DoorayOrg): DoorayAuth {
  return { baseUrl: org.apiBaseUrl, token: openCredential(org.tenantTokenSealed, tenantBinding(org.serviceId)) };
}
