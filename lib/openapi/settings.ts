import ipaddr from 'ipaddr.js';
import { eq } from 'drizzle-orm';
import { apiSettings } from '@/db/schema';
import type { Queryable } from '@/db';
import { ValidationError } from '@/lib/errors';

export const MAX_CIDRS = 100;

/** An address or CIDR in canonical form (a bare address becomes /32 or /128), or null when it is neither. */
export function normalizeCidr(raw: string): string | null {
  const s = raw.trim();
  try {
    if (s.includes('/')) {
      const [addr, bits] = ipaddr.parseCIDR(s);
      return `${addr.toNormalizedString()}/${bits}`;
    }
    const a = ipaddr.parse(s);
    return `${a.toNormalizedString()}/${a.kind() === 'ipv4' ? 32 : 128}`;
  } catch {
    return null;
  }
}

/** The allow-list typed in the form (one per line or comma-separated), normalized; names the first bad entry. */
export function parseCidrs(text: string): string[] {
  const lines = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_CIDRS) throw ValidationError.field('cidrs', 'apiAuth.errors.tooManyCidrs', { max: MAX_CIDRS });
  const out: string[] = [];
  for (const l of lines) {
    const c = normalizeCidr(l);
    if (!c) throw ValidationError.field('cidrs', 'apiAuth.errors.cidr', { value: l.slice(0, 60) });
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

export type ApiSettingsView = { enabled: boolean; allowedCidrs: string[]; rateLimitPerMinute: number };

export async function loadApiSettings(db: Queryable, serviceId: string): Promise<ApiSettingsView> {
  const [row] = await db.select().from(apiSettings).where(eq(apiSettings.serviceId, serviceId));
  return row
    ? { enabled: row.enabled, allowedCidrs: row.allowedCidrs, rateLimitPerMinute: row.rateLimitPerMinute }
    : { enabled: false, allowedCidrs: [], rateLimitPerMinute: 6000 };
}

/** Saves 활성화, the allow-list and the rate limit (one upsert). */
export async function saveApiSettings(
  db: Queryable,
  serviceId: string,
  input: ApiSettingsView,
): Promise<ApiSettingsView> {
  await db
    .insert(apiSettings)
    .values({ serviceId, ...input })
    .onConflictDoUpdate({ target: apiSettings.serviceId, set: { ...input, updatedAt: new Date() } });
  return input;
}
