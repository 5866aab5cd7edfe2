import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type SinkMode = 'accept' | 'reject' | 'hang';
export type SmtpSink = {
  url: string;
  port: number;
  mails: ParsedMail[];
  received: string[];
  /** SMTP connections opened to the sink so far. */
  connections: number;
  mode: SinkMode;
  close: () => Promise<void>;
};

/**
 * A local SMTP server (npm smtp-server) on an ephemeral port: `accept` stores every mail,
 * `reject` answers DATA with 451, `hang` reads the mail (noted in `received`) and never answers.
 */
export async function smtpSink(mode: SinkMode = 'accept'): Promise<SmtpSink> {
  const sink = { mails: [] as ParsedMail[], received: [] as string[], connections: 0, mode } as SmtpSink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onConnect(_session, callback) {
      sink.connections++;
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const parsed = await simpleParser(Buffer.concat(chunks));
        sink.received.push(parsed.messageId ?? '');
        if (sink.mode === 'hang') return;
        if (sink.mode === 'reject') return callback(Object.assign(new Error('try later'), { responseCode: 451 }));
        sink.mails.push(parsed);
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((r) => server.close(() => r()));
  return sink;
}
