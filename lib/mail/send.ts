import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
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
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000, dnsTimeout: 10_000 };

export function mailDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MAIL_DIR ?? path.join('.data', 'mail'));
}

/** True when mail goes to `.eml` files instead of an SMTP server (the embedded default). */
export function mailToFiles(): boolean {
  return !process.env.SMTP_URL;
}

let transport: { url: string; t: Transporter } | undefined;
function smtp(): Transporter {
  const url = process.env.SMTP_URL!;
  if (transport?.url !== url) {
    transport?.t.close();
    transport = { url, t: nodemailer.createTransport({ url, pool: true, maxConnections: 4, ...SMTP_TIMEOUTS }) };
  }
  return transport.t;
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
  const from = typeof mail.from === 'object' ? { name: stripCrlf(mail.from.name), address: stripCrlf(mail.from.address) } : stripCrlf(mail.from ?? process.env.MAIL_FROM ?? `Contact Desk <no-reply@${domain}>`);
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
    await smtp().sendMail(message);
    return { messageId };
  }
  const file = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(message);
  const dir = mailDir();
  await fs.mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
  await fs.writeFile(path.join(dir, name), file.message as Buffer);
  return { messageId };
}
