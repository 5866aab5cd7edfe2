import iconv from 'iconv-lite';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

/** A raw RFC 5322 message built by nodemailer's composer (what a real client sends). */
export async function rawMail(opts: Mail.Options): Promise<Buffer> {
  return new MailComposer({ date: new Date(), ...opts }).compile().build();
}

/** EUC-KR text as ISO-2022-KR bytes (RFC 1557), the way old Korean mailers send it. */
export function iso2022kr(text: string): Buffer {
  const e = iconv.encode(text, 'euc-kr');
  const out = [0x1b, 0x24, 0x29, 0x43];
  let so = false;
  for (const b of e) {
    if (b >= 0x80) {
      if (!so) out.push(0x0e);
      so = true;
      out.push(b & 0x7f);
    } else {
      if (so) out.push(0x0f);
      so = false;
      out.push(b);
    }
  }
  if (so) out.push(0x0f);
  return Buffer.from(out);
}

/** A hand-written message in a legacy charset: `body` already encoded, subject as an encoded-word. */
export function legacyMail(opts: {
  charset: string;
  from: string;
  to: string;
  subject: Buffer;
  body: Buffer;
  messageId: string;
  transfer?: '7bit' | '8bit' | 'base64';
}): Buffer {
  const transfer = opts.transfer ?? '8bit';
  const head = [
    `From: ${opts.from}`,
    `To: ${opts.to}`,
    `Subject: =?${opts.charset}?B?${opts.subject.toString('base64')}?=`,
    `Message-ID: ${opts.messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${opts.charset}`,
    `Content-Transfer-Encoding: ${transfer}`,
    '',
    '',
  ].join('\r\n');
  const body = transfer === 'base64' ? Buffer.from(opts.body.toString('base64') + '\r\n') : opts.body;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}
