import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { sendMail, SmtpUnavailableError } from '@/lib/mail/send';
import { smtpSink } from '../helpers/smtp-sink';

/** A "mail server" that takes the TCP connection and drops it at once: unreachable for SMTP. */
async function droppingServer() {
  let connections = 0;
  const server = net.createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

afterAll(() => {
  delete process.env.SMTP_URL;
});

describe('sending mail while the SMTP server is unreachable', () => {
  it('fails the queued mails together, then fails at once without connecting again, and recovers on a working server', async () => {
    const dead = await droppingServer();
    process.env.SMTP_URL = dead.url;
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => sendMail({ to: `c${i}@customer.test`, subject: '문의', text: '본문' })),
      );
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      // One mail probed the server; the others waited for it instead of connecting one by one.
      expect(dead.connections()).toBe(1);
      const before = dead.connections();
      const started = Date.now();
      await expect(sendMail({ to: 'later@customer.test', subject: '문의', text: '본문' })).rejects.toBeInstanceOf(
        SmtpUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(100);
      expect(dead.connections()).toBe(before);
    } finally {
      await dead.close();
    }
    // The breaker belongs to that server: another one is used at once.
    const sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    try {
      await sendMail({ to: 'ok@customer.test', subject: '정상', text: '본문' });
      expect(sink.mails.map((m) => m.subject)).toEqual(['정상']);
    } finally {
      await sink.close();
    }
  });
});
