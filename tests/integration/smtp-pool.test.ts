import { sendMail, smtpOptions, SMTP_TIMEOUTS } from '@/lib/mail/send';
import { smtpSink } from '../helpers/smtp-sink';

afterAll(() => {
  delete process.env.SMTP_URL;
});

describe('the SMTP pool', () => {
  it('takes its options from SMTP_URL and keeps ours: pooled, sized, with timeouts under the job lease', () => {
    const o = smtpOptions('smtps://user:pw@mail.example.com:465?tls.rejectUnauthorized=false', 8);
    expect(o).toMatchObject({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'user', pass: 'pw' },
      tls: { rejectUnauthorized: false },
      pool: true,
      maxConnections: 8,
      maxRequeues: 0,
      ...SMTP_TIMEOUTS,
    });
  });

  it('sends many mails over one kept-open connection, not one connection per mail', async () => {
    const sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    try {
      for (let i = 0; i < 5; i++) await sendMail({ to: `c${i}@customer.test`, subject: `문의 ${i}`, text: '본문' });
      expect(sink.mails.map((m) => m.subject)).toEqual(['문의 0', '문의 1', '문의 2', '문의 3', '문의 4']);
      expect(sink.connections).toBe(1);
    } finally {
      await sink.close();
    }
  });
});
