import { and, eq, lte, sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { mailAccounts, type MailAccount } from '@/db/schema';
import { decryptValue, encryptValue } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';
import type { Db, Queryable } from '@/db';
import { mailDomain } from '../domain';
import { importParsedMail, mayAnswer } from '../inbound/import-mail';
import { parseInbound } from '../inbound/parse';
import { checkedMailHost } from './imap-host';
import { moduleLog } from '@/lib/log/logger';

/** Per poll: at most this many messages, then the next poll continues (no job outlives its lease). */
export const POLL_BATCH = 200;
/** Sources fetched per IMAP FETCH: at most this many messages and bytes. */
const FETCH_CHUNK = 50;
const FETCH_CHUNK_BYTES = 32 * 1024 * 1024;
/**
 * New mails of one poll imported at once (each in its own transaction). One: ticket numbers come
 * from a sequence at insert time, so mails imported side by side got their numbers out of arrival
 * (UID) order, and a CS team reads the numbers as the order the inquiries came in.
 */
const IMPORT_CONCURRENCY = 1;

/** Messages larger than this are left on the server and named in the account's error. */
export const MAX_MAIL_BYTES = Number(process.env.MAIL_MAX_BYTES) || 25 * 1024 * 1024;
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

const binding = (id: string) => ({ table: 'mail_accounts', column: 'password_sealed', rowId: id });

/** The account password sealed with the master key, bound to its row. */
export function sealPassword(accountId: string, password: string): string {
  return encryptValue(masterKey(), password, binding(accountId));
}

/** The account's password, opened with the master key (only ever in memory, for a login). */
export function accountPassword(a: Pick<MailAccount, 'id' | 'passwordSealed'>): string {
  return decryptValue<string>(masterKey(), a.passwordSealed, binding(a.id));
}

/** Opens an IMAP session to a checked address, TLS verified against the configured host name. */
export async function openImap(
  a: Pick<MailAccount, 'host' | 'port' | 'tls' | 'username'>,
  password: string,
): Promise<ImapFlow> {
  const address = await checkedMailHost(a.host);
  const client = new ImapFlow({
    host: address,
    servername: a.host,
    port: a.port,
    secure: a.tls,
    auth: { user: a.username, pass: password },
    logger: false,
    disableAutoIdle: true,
    ...TIMEOUTS,
  });
  client.on('error', () => {}); // surfaced by the awaiting call; an unhandled 'error' would kill the worker
  await client.connect();
  return client;
}

/** A short, secret-free account error for the settings screen. */
export function accountError(err: unknown): string {
  const e = err as {
    authenticationFailed?: boolean;
    code?: string;
    responseText?: string;
    message?: string;
    name?: string;
  };
  if (e?.authenticationFailed) return 'auth_failed';
  if (e?.name === 'OutboundBlockedError') return 'address_blocked';
  if (e?.code) return String(e.code).slice(0, 60);
  return (e?.responseText || e?.message || 'error').replace(/[\r\n]+/g, ' ').slice(0, 200);
}

/** Backoff after `failures` failed polls in a row: 1 min doubling to 1 h. */
export function pollBackoffMs(failures: number): number {
  return Math.min(3600_000, 60_000 * 2 ** Math.max(0, failures - 1));
}

async function finish(db: Queryable, id: string, error: string | null, failures: number) {
  await db
    .update(mailAccounts)
    .set({
      lastPollAt: new Date(),
      lastError: error,
      failures: error ? failures + 1 : 0,
      nextPollAt: new Date(Date.now() + (error ? pollBackoffMs(failures + 1) : 0)),
      updatedAt: new Date(),
    })
    .where(eq(mailAccounts.id, id));
}

/**
 * Imports one chunk in UID order: new mails (no references, no `[#123]` tag) a few at a time, a
 * mail that may answer another only after every mail before it is committed, so a reply never
 * overtakes the mail it answers. Stops at the first failure: `done` holds the committed UIDs.
 */
async function importChunk(
  db: Db,
  serviceId: string,
  msgs: { uid: number; raw: Buffer }[],
): Promise<{ done: number[]; failed: boolean; error?: unknown }> {
  const done: number[] = [];
  let failed = false;
  let error: unknown;
  const running = new Set<Promise<void>>();
  const domain = mailDomain();
  for (const m of msgs) {
    if (failed) break;
    const mail = await parseInbound(m.raw, domain);
    const run = async () => {
      try {
        await importParsedMail(db, serviceId, mail);
        done.push(m.uid);
      } catch (err) {
        failed = true;
        error = err;
      }
    };
    const answers = mayAnswer(mail);
    if (answers || running.size >= IMPORT_CONCURRENCY) await Promise.all(running);
    if (answers) await run();
    else {
      const p: Promise<void> = run().finally(() => running.delete(p));
      running.add(p);
    }
  }
  await Promise.all(running);
  return { done: done.sort((x, y) => x - y), failed, error };
}

/**
 * One poll of one external account (run as a pg-boss job, one at a time per account): imports
 * new messages in UID order, each in a transaction that also advances the account's UID cursor,
 * and only after that commit marks the message seen or deletes it on the server. A changed
 * UIDVALIDITY restarts the cursor at 0; already-imported mails are then refused as duplicates by
 * their Message-ID, so nothing is lost or doubled.
 */
export async function pollAccount(db: Db, accountId: string): Promise<{ imported: number; error: string | null }> {
  const [a] = await db
    .select()
    .from(mailAccounts)
    .where(and(eq(mailAccounts.id, accountId), eq(mailAccounts.active, true)));
  if (!a) return { imported: 0, error: null };
  let client: ImapFlow | null = null;
  let imported = 0;
  let error: string | null = null;
  try {
    client = await openImap(a, accountPassword(a));
    const lock = await client.getMailboxLock(a.folder);
    try {
      const box = client.mailbox;
      const validity = box ? Number(box.uidValidity) : null;
      let lastUid = a.lastUid;
      if (validity !== null && a.uidValidity !== validity) {
        lastUid = 0;
        await db.update(mailAccounts).set({ uidValidity: validity, lastUid: 0 }).where(eq(mailAccounts.id, a.id));
      }
      const uids = ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [])
        .filter((u) => u > lastUid)
        .sort((x, y) => x - y)
        .slice(0, POLL_BATCH);
      const skipped: number[] = [];
      // Sizes of the whole batch in one FETCH; then the sources in chunks (one FETCH each, bounded in bytes).
      const sizes = new Map<number, number>();
      if (uids.length)
        for (const m of await client.fetchAll(uids.join(','), { uid: true, size: true }, { uid: true }))
          sizes.set(m.uid, m.size ?? 0);
      const chunks: number[][] = [];
      let bytes = 0;
      for (const uid of uids) {
        const size = sizes.get(uid) ?? 0;
        if (size > MAX_MAIL_BYTES) {
          skipped.push(uid);
          continue;
        }
        if (!chunks.length || chunks.at(-1)!.length >= FETCH_CHUNK || bytes + size > FETCH_CHUNK_BYTES) {
          chunks.push([]);
          bytes = 0;
        }
        chunks.at(-1)!.push(uid);
        bytes += size;
      }
      // The cursor moves past a UID only when it and every UID before it is committed (or skipped as too large).
      const handled = new Set(skipped);
      let cursor = lastUid;
      const advance = async () => {
        let to = cursor;
        for (const uid of uids) {
          if (uid <= to) continue;
          if (!handled.has(uid)) break;
          to = uid;
        }
        if (to <= cursor) return;
        await db
          .update(mailAccounts)
          .set({ lastUid: to })
          .where(and(eq(mailAccounts.id, a.id), sql`${mailAccounts.lastUid} < ${to}`));
        cursor = to;
      };
      for (const chunk of chunks) {
        const fetched = await client.fetchAll(chunk.join(','), { uid: true, source: true }, { uid: true });
        const sources = new Map(fetched.filter((m) => m.source).map((m) => [m.uid, m.source!]));
        for (const uid of chunk) if (!sources.has(uid)) handled.add(uid); // gone from the server meanwhile
        const r = await importChunk(
          db,
          a.serviceId,
          [...sources].sort((x, y) => x[0] - y[0]).map(([uid, raw]) => ({ uid, raw })),
        );
        imported += r.done.length;
        for (const uid of r.done) handled.add(uid);
        // Mails after a failure that did commit are fetched again next time and refused by their Message-ID.
        await advance();
        // Only now, with the tickets committed, is the server told (one STORE/EXPUNGE for the chunk).
        if (r.done.length) {
          if (a.afterImport === 'delete') await client.messageDelete(r.done.join(','), { uid: true });
          else await client.messageFlagsAdd(r.done.join(','), ['\\Seen'], { uid: true });
        }
        if (r.failed) throw r.error;
      }
      await advance();
      if (skipped.length) error = `too_large: UID ${skipped.join(', ')}`;
    } finally {
      lock.release();
    }
  } catch (err) {
    error = accountError(err);
    moduleLog('mail').warn({ accountId: a.id, err: error }, 'mail account poll failed');
  } finally {
    await client?.logout().catch(() => client?.close());
  }
  await finish(db, a.id, error, a.failures);
  return { imported, error };
}

/** Accounts whose next poll is due (the sweep enqueues one job each). */
export async function dueAccounts(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ id: mailAccounts.id })
    .from(mailAccounts)
    .where(and(eq(mailAccounts.active, true), lte(mailAccounts.nextPollAt, new Date())))
    .limit(1000);
  return rows.map((r) => r.id);
}
