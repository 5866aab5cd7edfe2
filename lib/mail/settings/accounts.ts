import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { mailAccounts } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import type { ImapFlow } from 'imapflow';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { accountError, accountPassword, openImap, sealPassword } from '../receivers/imap-poll';
import type { accountIdInput, accountInput } from './schemas';

type Ctx = Pick<ServiceCtx, 'db' | 'service'>;

/**
 * 외부 계정 추가 / 수정. The password is sealed with the master key (never shown again; empty on
 * edit keeps it). A changed host, user or folder starts the UID cursor over (Message-IDs keep
 * already-imported mails out).
 */
export async function saveAccount(ctx: Ctx, input: z.output<typeof accountInput>) {
  const fields = {
    host: input.host.toLowerCase(),
    port: input.port,
    tls: input.tls,
    username: input.username,
    folder: input.folder,
    active: input.active,
    afterImport: input.afterImport,
  };
  if (!input.id) {
    if (!input.password) throw ValidationError.field('password', 'validation.required');
    const id = randomUUID();
    await ctx.db
      .insert(mailAccounts)
      .values({ id, serviceId: ctx.service.id, ...fields, passwordSealed: sealPassword(id, input.password) });
    return { id };
  }
  const [row] = await ctx.db
    .select()
    .from(mailAccounts)
    .where(and(eq(mailAccounts.serviceId, ctx.service.id), eq(mailAccounts.id, input.id)));
  if (!row) throw new NotFoundError();
  const moved = row.host !== fields.host || row.username !== fields.username || row.folder !== fields.folder;
  await ctx.db
    .update(mailAccounts)
    .set({
      ...fields,
      ...(input.password ? { passwordSealed: sealPassword(row.id, input.password) } : {}),
      ...(moved ? { uidValidity: null, lastUid: 0 } : {}),
      failures: 0,
      lastError: null,
      nextPollAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(mailAccounts.serviceId, ctx.service.id), eq(mailAccounts.id, row.id)));
  return { id: row.id };
}

export async function deleteAccount(ctx: Ctx, input: z.output<typeof accountIdInput>) {
  const gone = await ctx.db
    .delete(mailAccounts)
    .where(and(eq(mailAccounts.serviceId, ctx.service.id), eq(mailAccounts.id, input.id)))
    .returning({ id: mailAccounts.id });
  if (!gone.length) throw new NotFoundError();
  return { id: input.id };
}

/**
 * 연결 테스트: logs in and counts the folder's messages. A failure is an answer, not an error:
 * the screen shows why (wrong password, no answer, blocked address, no such folder).
 */
export async function testAccount(
  ctx: Ctx,
  input: z.output<typeof accountIdInput>,
): Promise<{ ok: true; messages: number } | { ok: false; reason: string }> {
  const [a] = await ctx.db
    .select()
    .from(mailAccounts)
    .where(and(eq(mailAccounts.serviceId, ctx.service.id), eq(mailAccounts.id, input.id)));
  if (!a) throw new NotFoundError();
  let client: ImapFlow | null = null;
  try {
    client = await openImap(a, accountPassword(a));
    const st = await client.status(a.folder, { messages: true });
    return { ok: true, messages: st ? (st.messages ?? 0) : 0 };
  } catch (err) {
    return { ok: false, reason: accountError(err) };
  } finally {
    await client?.logout().catch(() => client?.close());
  }
}
