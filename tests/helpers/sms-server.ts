import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local NHN Cloud SMS API (integrations.md §3): `/sms/{v2.4|v3.0}/appKeys/{appKey}/…`, v3.0 wanting
 * `X-Secret-Key`; sender-number list, SMS and MMS/LMS send, with the documented success and error bodies
 * (HTTP 200 with `header.isSuccessful: false` and a negative `resultCode`).
 */
export type SmsMock = {
  url: string;
  appKey: string;
  secretKey: string;
  senders: { sendNo: string; useYn: 'Y' | 'N'; blockYn: 'Y' | 'N' }[];
  sent: { version: string; kind: 'sms' | 'mms'; body: Record<string, unknown>; requestId: string }[];
  /** Answer the next N sends with HTTP 500 (after which they succeed). */
  failSends: number;
  /** Answer everything with a non-JSON body. */
  garbage: boolean;
  close: () => Promise<void>;
};

const head = (ok: boolean, code: number, message: string) => ({
  isSuccessful: ok,
  resultCode: code,
  resultMessage: message,
});

export async function startSmsMock(opts: { appKey?: string; secretKey?: string } = {}): Promise<SmsMock> {
  let seq = 0;
  const mock: SmsMock = {
    url: '',
    appKey: opts.appKey ?? 'AppKeyOk123',
    secretKey: opts.secretKey ?? 'SecretOk',
    senders: [],
    sent: [],
    failSends: 0,
    garbage: false,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
      if (mock.garbage) return res.writeHead(200, { 'content-type': 'text/plain' }).end('maintenance');
      const u = new URL(req.url ?? '/', 'http://x');
      const m = u.pathname.match(/^\/sms\/(v2\.4|v3\.0)\/appKeys\/([^/]+)\/(sendNos|sender\/sms|sender\/mms)$/);
      if (!m) return json(404, { header: head(false, -9999, 'Not found') });
      const [, version, appKey, what] = m;
      if (decodeURIComponent(appKey) !== mock.appKey)
        return json(200, { header: head(false, -1000, 'Invalid appKey.') });
      if (version === 'v3.0' && req.headers['x-secret-key'] !== mock.secretKey)
        return json(200, { header: head(false, -1005, 'Invalid secretKey.') });
      if (what === 'sendNos' && req.method === 'GET') {
        const data = mock.senders.map((s) => ({
          appKey: null,
          serviceId: 71191,
          ...s,
          blockReason: null,
          createDate: '2023-07-18 12:05:35',
          createUser: 'test@nhn.com',
          updateDate: '2023-07-31 13:45:48',
          updateUser: 'test@nhn.com',
        }));
        return json(200, {
          header: head(true, 0, 'SUCCESS'),
          body: { pageNum: 1, pageSize: Number(u.searchParams.get('pageSize') ?? 15), totalCount: data.length, data },
        });
      }
      if (req.method !== 'POST') return json(405, { header: head(false, -9998, 'Method not allowed') });
      if (mock.failSends > 0) {
        mock.failSends--;
        return json(500, { header: head(false, -9000, 'Internal server error') });
      }
      const body = JSON.parse(raw || '{}') as {
        sendNo?: string;
        body?: string;
        title?: string;
        recipientList?: { recipientNo: string }[];
        senderGroupingKey?: string;
      };
      const sender = mock.senders.find((s) => s.sendNo === body.sendNo);
      if (!sender) return json(200, { header: head(false, -2312, 'Not regist sendno.') });
      if (sender.blockYn === 'Y') return json(200, { header: head(false, -2313, 'Blocked sendno.') });
      const requestId = `20260101000000Req${String(++seq).padStart(5, '0')}`;
      mock.sent.push({
        version,
        kind: what === 'sender/mms' ? 'mms' : 'sms',
        body: body as Record<string, unknown>,
        requestId,
      });
      return json(200, {
        header: head(true, 0, 'SUCCESS'),
        body: {
          data: {
            requestId,
            statusCode: '2',
            senderGroupingKey: body.senderGroupingKey,
            sendResultList: (body.recipientList ?? []).map((r, i) => ({
              recipientNo: r.recipientNo,
              resultCode: 0,
              resultMessage: 'SUCCESS',
              recipientSeq: i + 1,
              recipientGroupingKey: null,
            })),
          },
        },
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  mock.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mock.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return mock;
}
