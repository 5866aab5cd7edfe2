import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { services } from '@/db/schema';
import type { Db } from '@/db';
import { importMail } from '../inbound/import-mail';
import { MAX_MAIL_BYTES } from './imap-poll';
import { moduleLog } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';

export type SmtpReceiver = { port: number; close: () => Promise<void> };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
const SERVICE_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/i;
const KNOWN_MS = 10_000;

/**
 * The built-in receiver of representative addresses (`{serviceId}@{MAIL_DOMAIN}`, SPEC §8), on
 * npm smtp-server. Refuses at RCPT a domain that is not ours (550 5.7.1, no relaying) and an
 * unknown service (550 5.1.1); refuses at MAIL FROM a declared SIZE and at DATA a message over
 * the limit (552 5.3.4). A mail is answered 250 only after its ticket is committed; if the import
 * fails the sender gets 451 and tries again later (the Message-ID makes the retry harmless).
 */
export async function startSmtpReceiver(opts: {
  db: () => Db;
  domain: string;
  port: number;
  host?: string;
  maxBytes?: number;
}): Promise<SmtpReceiver> {
  const domain = opts.domain.toLowerCase();
  const maxBytes = opts.maxBytes ?? MAX_MAIL_BYTES;
  // Services known to exist, for a few seconds: a sender's mails (one RCPT each) cost one lookup,
  // not one each. Only hits are kept, so a new service receives at once; a deleted one is refused
  // at RCPT again within KNOWN_MS (meanwhile its import fails with 451 and the sender retries).
  const known = new Map<string, number>();
  const exists = async (id: string) => {
    if ((known.get(id) ?? 0) > Date.now()) return true;
    const [svc] = await opts.db().select({ id: services.id }).from(services).where(eq(services.id, id));
    if (svc) {
      if (known.size >= 10_000) known.clear();
      known.set(id, Date.now() + KNOWN_MS);
    } else known.delete(id);
    return Boolean(svc);
  };
  const server = new SMTPServer({
    name: domain,
    banner: 'Contact Desk',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    // Nothing here uses the client's host name: no reverse DNS lookup delaying every connection's greeting.
    disableReverseLookup: true,
    maxClients: 200,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    async onRcptTo(address: SMTPServerAddress, session, callback) {
      const [local, host] = address.address.toLowerCase().split(/@(?=[^@]*$)/);
      if (host !== domain) return callback(smtpError(550, '5.7.1 Relaying denied: not a mail domain of this desk'));
      if (!SERVICE_ID.test(local ?? '')) return callback(smtpError(550, '5.1.1 No such recipient'));
      try {
        if (!(await exists(local))) return callback(smtpError(550, '5.1.1 No such recipient'));
        if (session.envelope.rcptTo.length >= 20) return callback(smtpError(452, '4.5.3 Too many recipients'));
        callback();
      } catch {
        callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => {});
      stream.on('end', async () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 Message too big (limit ${maxBytes} bytes)`));
        const raw = Buffer.concat(chunks);
        const ids = [...new Set(session.envelope.rcptTo.map((r) => r.address.toLowerCase().split('@')[0]))];
        try {
          for (const id of ids) await importMail(opts.db(), id, raw);
          callback();
        } catch (err) {
          moduleLog('mail').error({ err: safeError(err) }, 'inbound import failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        }
      });
    },
  });
  server.on('error', (err) => moduleLog('mail').error({ err: safeError(err) }, 'smtp receiver error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
