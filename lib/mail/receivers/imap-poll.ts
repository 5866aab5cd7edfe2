import { and, eq, lte, sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { mailAccounts, type MailAccount } from '@/db/schema';
import { decryptValue, encryptValue } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';
import type { Db, Queryable } from '@/db';
import { mailDomain } from '../domain';
import { parseInbound } from '../inbound/parse';
import { checkedMailHost } from './imap-host';
import { importChunk, type FetchedMail } from './imap-import';
import { moduleLog } from '@/lib/log/logger';

/** Per poll: at most this many messages, then the next poll continues (no job outlives its lease). */
export const POLL_BATCH = 200;
/** Sources fetched per IMAP FETCH: at most this many messages and bytes. */
const FETCH_CHUNK = 50;
const FETCH_CHUNK_BYTES = 32 * 1024 * 1024;

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

type Fetched = FetchedMail[];

/**
 * Fetches one chunk's sources (one FETCH) and starts parsing them, one after another in UID order,
 * without waiting for anyone to ask: the parses run while earlier mails' transactions are in the
 * database. A source missing from the answer was expunged meanwhile.
 */
async function fetchChunk(client: ImapFlow, chunk: number[]): Promise<Fetched> {
  const fetched = await client.fetchAll(chunk.join(','), { uid: true, source: true }, { uid: true });
  const sources = new Map(fetched.filter((m) => m.source).map((m) => [m.uid, m.source!]));
  const domain = mailDomain();
  let prev: Promise<unknown> = Promise.resolve();
  return [...sources]
    .sort((x, y) => x[0] - y[0])
    .map(([uid, raw]) => {
      const mail = prev.then(
        () => parseInbound(raw, domain),
        () => parseInbound(raw, domain),
      );
      mail.catch(() => {}); // surfaced when its turn comes
      prev = mail;
      return { uid, mail };
    });
}

/**
 * One poll of one external account (run as a pg-boss job, one at a time per account): imports
 * new messages numbered in UID order (imap-import.ts), advances the account's UID cursor past
 * every UID committed with all before it, and only after those commits marks the messages seen
 * or deletes them on the server. A changed
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
      // A pipeline: the next chunk is fetched (and parsed) while this one is imported (imap-import.ts:
      // numbered in UID order, new mails side by side, a reply never before the mail it answers),
      // and the server is told only after the commits.
      let next: Promise<Fetched> | null = chunks.length ? fetchChunk(client, chunks[0]) : null;
      for (let i = 0; i < chunks.length; i++) {
        const current = await next!;
        next = i + 1 < chunks.length ? fetchChunk(client, chunks[i + 1]) : null;
        next?.catch(() => {}); // surfaced when awaited; abandoned if this chunk fails
        const present = new Set(current.map((m) => m.uid));
        for (const uid of chunks[i]) if (!present.has(uid)) handled.add(uid); // gone from the server meanwhile
        const { done, failure } = await importChunk(db, a.serviceId, current);
        for (const uid of done) handled.add(uid);
        imported += done.length;
        // Mails after a failure that did commit are fetched again next time and refused by their Message-ID.
        await advance();
        // Only now, with the tickets committed, is the server told (one STORE/EXPUNGE for the chunk).
        if (done.length) {
          if (a.afterImport === 'delete') await client.messageDelete(done.join(','), { uid: true });
          else await client.messageFlagsAdd(done.join(','), ['\\Seen'], { uid: true });
        }
        if (failure) throw failure.error;
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
