import net from 'node:net';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { tickets } from '@/db/schema';
import { startWorker } from '@/lib/jobs/worker';
import { startSmtpReceiver, type SmtpReceiver } from '@/lib/mail/receivers/smtp-receiver';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();
process.env.MAIL_DOMAIN = 'desk.test';
let receiver: SmtpReceiver;
beforeAll(async () => {
  receiver = await startSmtpReceiver({ db, domain: 'desk.test', port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await receiver?.close();
  delete process.env.MAIL_DOMAIN;
});

const ticketsOf = (serviceId: string) =>
  db().select().from(tickets).where(eq(tickets.serviceId, serviceId)).orderBy(tickets.number);
const client = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true });

describe('the built-in SMTP receiver', () => {
  it('turns a mail to {serviceId}@MAIL_DOMAIN into a ticket, answering 250 after the commit', async () => {
    const s = await makeService(db());
    const info = await client().sendMail({
      from: '"박고객" <park@customer.test>',
      to: `${s.id}@DESK.test`,
      subject: '영수증 재발급',
      text: '영수증 다시 보내 주세요',
    });
    expect(info.response).toMatch(/^250/);
    const [t] = await ticketsOf(s.id);
    expect(t).toMatchObject({
      channel: 'email',
      subject: '영수증 재발급',
      requesterEmail: 'park@customer.test',
      requesterName: '박고객',
    });
  });

  it('refuses unknown recipients and other domains at RCPT with 550, and writes nothing', async () => {
    const s = await makeService(db());
    await expect(
      client().sendMail({ from: 'a@customer.test', to: 'no-such-service@desk.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('5.1.1') });
    await expect(
      client().sendMail({ from: 'a@customer.test', to: `${s.id}@elsewhere.test`, subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('5.7.1') });
    await expect(
      client().sendMail({ from: 'a@customer.test', to: '"x\r\nBcc: y"@desk.test', subject: 'x', text: 'x' }),
    ).rejects.toBeTruthy();
    expect(await ticketsOf(s.id)).toEqual([]);
  });

  it('refuses a 30 MB mail with 552 and keeps serving', async () => {
    const s = await makeService(db());
    const big = Buffer.alloc(30 * 1024 * 1024, 'a');
    await expect(
      client().sendMail({
        from: 'big@customer.test',
        to: `${s.id}@desk.test`,
        subject: '큰 메일',
        text: 'big',
        attachments: [{ filename: 'big.txt', content: big }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await ticketsOf(s.id)).toEqual([]);
    // A raw DATA over the limit without a declared SIZE is refused at the end of DATA.
    const small = await startSmtpReceiver({ db, domain: 'desk.test', port: 0, host: '127.0.0.1', maxBytes: 1024 });
    try {
      const reply = await rawSmtp(
        small.port,
        ['EHLO t', 'MAIL FROM:<big@customer.test>', `RCPT TO:<${s.id}@desk.test>`, 'DATA'],
        `Subject: x\r\n\r\n${'b'.repeat(4000)}\r\n.\r\n`,
      );
      expect(reply).toMatch(/^552 /m);
    } finally {
      await small.close();
    }
    const ok = await client().sendMail({
      from: 'small@customer.test',
      to: `${s.id}@desk.test`,
      subject: '작은 메일',
      text: 'ok',
    });
    expect(ok.response).toMatch(/^250/);
  }, 60000);

  it('is started by the worker when MAIL_DOMAIN is set', async () => {
    process.env.SMTP_RECEIVER_PORT = '0';
    const w = await startWorker({ schedule: false, supervise: false });
    try {
      expect(w.smtpReceiver?.port).toBeGreaterThan(0);
    } finally {
      await w.stop();
    }
  });
});

/** Speaks SMTP line by line (no client-side checks), then sends `data`; returns the transcript. */
async function rawSmtp(port: number, lines: string[], data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = '';
    let step = -1;
    sock.on('data', (d) => {
      out += d.toString();
      if (!/\r\n$/.test(out) || /^\d{3}-/m.test(out.split('\r\n').filter(Boolean).pop() ?? '')) return;
      step++;
      if (step < lines.length) sock.write(`${lines[step]}\r\n`);
      else if (step === lines.length) sock.write(data);
      else {
        sock.end('QUIT\r\n');
        resolve(out);
      }
    });
    sock.on('error', reject);
  });
}
