import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { mailAccounts, mailLayouts, mailSettings } from '@/db/schema';
import type { Queryable } from '@/db';

/** Everything the 이메일 설정 screen shows of a service (the sealed passwords never leave). */
export async function mailSettingsScreen(db: Queryable, serviceId: string) {
  const [sender, layouts, accounts] = await Promise.all([
    db.select().from(mailSettings).where(eq(mailSettings.serviceId, serviceId)),
    db.select().from(mailLayouts).where(eq(mailLayouts.serviceId, serviceId)),
    db
      .select({
        id: mailAccounts.id,
        host: mailAccounts.host,
        port: mailAccounts.port,
        tls: mailAccounts.tls,
        username: mailAccounts.username,
        folder: mailAccounts.folder,
        active: mailAccounts.active,
        afterImport: mailAccounts.afterImport,
        lastPollAt: mailAccounts.lastPollAt,
        lastError: mailAccounts.lastError,
      })
      .from(mailAccounts)
      .where(eq(mailAccounts.serviceId, serviceId))
      .orderBy(asc(mailAccounts.createdAt)),
  ]);
  return { sender: sender[0] ?? null, layouts, accounts };
}
