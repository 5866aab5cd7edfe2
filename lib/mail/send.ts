import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { mailDomain } from './domain';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable across retries so receivers can drop duplicates. */
  messageId?: string;
  headers?: Record<string, string>;
  /** A plain address or `{ name, address }` (see serviceSender); defaults to MAIL_FROM. */
  from?: string | { name: string; address: string };
  replyTo?: string;
  /** Threading (RFC 5322): the message this one answers, and the thread's message ids. */
  inReplyTo?: string;
  references?: string[];
};

/**
 * SMTP timeouts, all well under the delivery lease (45 s) and the job's expiry (60 s): a server
 * that does not answer fails this attempt and is retried later instead of holding a worker slot.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
  dnsTimeout: 10_000,
};

export function mailDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MAIL_DIR ?? path.join('.data', 'mail'));
}

/** True when mail goes to `.eml` files instead of an SMTP server (the embedded default). */
export function mailToFiles(): boolean {
  return !process.env.SMTP_URL;
}

/** Pooled SMTP connections per process (SMTP_POOL_SIZE), each reused for any number of mails. */
const POOL_SIZE = Math.max(1, Number(process.env.SMTP_POOL_SIZE) || 8);
/** After the server could not be reached, mails fail at once (and are retried later) for this long. */
export const SMTP_DOWN_MS = 30_000;
/** nodemailer's codes for a server that cannot be reached or does not answer (not a refused mail). */
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

const DROPPED = new Set(['Unexpected socket close', 'Reached maximum number of retries after connection was closed']);

function unreachable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; responseCode?: number };
  // The pool's own "Unexpected socket close" and its give-up on a dropped connection (no code) are a
  // server that drops the connection.
  return UNREACHABLE.has(e?.code ?? '') || (!e?.responseCode && DROPPED.has(e?.message ?? ''));
}

/** Thrown instead of waiting out the timeouts again while the SMTP server is known to be unreachable. */
export class SmtpUnavailableError extends Error {
  code = 'smtp_unavailable';
  constructor() {
    super('SMTP server unreachable, retried later');
    this.name = 'SmtpUnavailableError';
  }
}

type SocketCallback = (err: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * nodemailer's `getSocket`: the TCP connection opened by us with Nagle off. nodemailer writes a
 * message's body and its closing `.` as separate small writes; with Nagle on, the `.` waits for
 * the server to acknowledge the body, and servers delay that acknowledgement (40 ms on Linux), so
 * every mail took ≥ 40 ms on its connection whatever the server's speed (7 mails/s per connection
 * to a local sink). nodemailer still does the SMTP dialogue and TLS (implicit or STARTTLS) on it.
 * Failures carry nodemailer's own codes, so the breaker below still sees an unreachable server.
 */
export function noDelaySocket(
  options: { host?: string; port?: number; connectionTimeout?: number },
  cb: SocketCallback,
) {
  const port = options.port ?? 25;
  const socket = net.connect({ host: options.host ?? 'localhost', port, noDelay: true, keepAlive: true });
  let done = false;
  const finish = (err: Error | null) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    socket.removeListener('error', onError);
    if (err) {
      socket.destroy();
      cb(err);
    } else cb(null, { connection: socket });
  };
  const onError = (err: NodeJS.ErrnoException) =>
    finish(Object.assign(err, { code: err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? 'EDNS' : 'ECONNECTION' }));
  const timer = setTimeout(
    () => finish(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
    options.connectionTimeout ?? SMTP_TIMEOUTS.connectionTimeout,
  );
  socket.once('error', onError);
  socket.once('connect', () => finish(null));
}

/**
 * Transport options for a pool to SMTP_URL. The URL is parsed here: nodemailer's createTransport,
 * given `{ url, … }`, keeps only what the URL says and drops every other option, so the pool, its
 * size and the timeouts were silently not in effect (one new connection per mail, nodemailer's
 * default 2 min / 10 min timeouts instead of ours). URL query options (`?tls.rejectUnauthorized=…`)
 * still apply; ours win where both are set.
 */
export function smtpOptions(url: string, maxConnections: number) {
  return {
    ...parseConnectionUrl(url),
    pool: true as const,
    maxConnections,
    maxMessages: Infinity,
    // A connection dropped mid-mail fails that mail (the outbox retries it, the breaker sees it)
    // instead of the pool requeueing it forever on a server that keeps dropping connections.
    maxRequeues: 0,
    ...SMTP_TIMEOUTS,
    getSocket: noDelaySocket,
  };
}

let transport: { url: string; t: Transporter } | undefined;
/** What is known of the server: unknown (a first mail probes it, the others wait for that), ok, or down until a time. */
let health:
  | { url: string; state: 'unknown' }
  | { url: string; state: 'ok' }
  | { url: string; state: 'probing'; probe: Promise<boolean> }
  | { url: string; state: 'down'; until: number }
  | undefined;
function smtp(): Transporter {
  const url = process.env.SMTP_URL!;
  if (transport?.url !== url) {
    transport?.t.close();
    transport = {
      url,
      t: nodemailer.createTransport(smtpOptions(url, POOL_SIZE)),
    };
  }
  return transport.t;
}

function markDown(url: string) {
  health = { url, state: 'down', until: Date.now() + SMTP_DOWN_MS };
  // Closing the pool fails the mails queued in it now, instead of one timeout after another.
  if (transport?.url === url) transport.t.close();
  if (transport?.url === url) transport = undefined;
}

/**
 * Sends through the pool, with a breaker: while nothing is known of the server (first use, or after
 * it was down) one mail probes it and the others wait for that one; when it cannot be reached,
 * every mail fails at once for SMTP_DOWN_MS (retried later by the outbox). So an unreachable SMTP
 * server holds the delivery queue for one timeout, not one per mail, and callbacks, Dooray and SMS
 * deliveries keep flowing.
 */
async function sendSmtp(message: Parameters<Transporter['sendMail']>[0]): Promise<void> {
  const url = process.env.SMTP_URL!;
  if (health?.url !== url || (health.state === 'down' && Date.now() >= health.until))
    health = { url, state: 'unknown' };
  if (health.state === 'down') throw new SmtpUnavailableError();
  if (health.state === 'probing' && !(await health.probe)) throw new SmtpUnavailableError();
  if (health.state === 'unknown') {
    let settle!: (ok: boolean) => void;
    health = { url, state: 'probing', probe: new Promise<boolean>((r) => (settle = r)) };
    try {
      await smtp().sendMail(message);
      health = { url, state: 'ok' };
      settle(true);
    } catch (err) {
      if (unreachable(err)) markDown(url);
      else health = { url, state: 'ok' };
      settle(!unreachable(err));
      throw err;
    }
    return;
  }
  try {
    await smtp().sendMail(message);
  } catch (err) {
    if (unreachable(err) && health?.url === url && health.state === 'ok') markDown(url);
    throw err;
  }
}

function stripCrlf(v: string): string {
  return v.replace(/[\r\n]+/g, ' ').trim();
}

/**
 * Sends one mail through SMTP_URL, or writes it as an .eml file to MAIL_DIR when no SMTP
 * server is configured. Subjects and addresses are stripped of CR/LF (no header injection).
 */
export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  const domain = mailDomain();
  const messageId = mail.messageId ?? `<${randomUUID()}@${domain}>`;
  const from =
    typeof mail.from === 'object'
      ? { name: stripCrlf(mail.from.name), address: stripCrlf(mail.from.address) }
      : stripCrlf(mail.from ?? process.env.MAIL_FROM ?? `Contact Desk <no-reply@${domain}>`);
  const message = {
    from,
    to: stripCrlf(mail.to),
    replyTo: mail.replyTo ? stripCrlf(mail.replyTo) : undefined,
    subject: stripCrlf(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: mail.headers,
  };
  if (!mailToFiles()) {
    await sendSmtp(message);
    return { messageId };
  }
  const file = await nodemailer
    .createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
    .sendMail(message);
  const dir = mailDir();
  await fs.mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
  await fs.writeFile(path.join(dir, name), file.message as Buffer);
  return { messageId };
}
