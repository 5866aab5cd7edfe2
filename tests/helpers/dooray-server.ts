import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Dooray API speaking the documented protocol (integrations.md §2.3): `Authorization:
 * dooray-api {token}`, the `{header, result}` envelope, member search by e-mail, project detail
 * and members, task create and comment create. Tests change `state` to script answers.
 */
export type DoorayMock = {
  url: string;
  token: string;
  orgId: string;
  /** Dooray members of the organization: id → e-mail. */
  members: Map<string, string>;
  /** Projects: id → owning organization id and member ids. */
  projects: Map<string, { org: string; members: string[] }>;
  posts: { id: string; projectId: string; body: Record<string, unknown> }[];
  comments: { id: string; projectId: string; postId: string; body: Record<string, unknown> }[];
  /** Fail the next N writes (posts/comments) with 500. */
  failWrites: number;
  /** Answer everything with a non-JSON body. */
  garbage: boolean;
  requests: { method: string; path: string; auth: string | undefined }[];
  close: () => Promise<void>;
};

const env = (result: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ header: { isSuccessful: true, resultCode: 0, resultMessage: '' }, result, ...extra });
const fail = (code: number, message: string) =>
  JSON.stringify({ header: { isSuccessful: false, resultCode: code, resultMessage: message }, result: null });

export async function startDoorayMock(opts: { token?: string; orgId?: string } = {}): Promise<DoorayMock> {
  let seq = 1000;
  const mock: DoorayMock = {
    url: '',
    token: opts.token ?? 'tenant-token-ok',
    orgId: opts.orgId ?? '3000000000000000001',
    members: new Map(),
    projects: new Map(),
    posts: [],
    comments: [],
    failWrites: 0,
    garbage: false,
    requests: [],
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      mock.requests.push({ method: req.method ?? '', path: u.pathname + u.search, auth: req.headers.authorization });
      const send = (status: number, body: string) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      if (mock.garbage) return res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
      if (req.headers.authorization !== `dooray-api ${mock.token}`)
        return send(401, fail(-401, 'Unauthorized: invalid token'));
      const m = u.pathname.match(/^\/project\/v1\/projects\/([^/]+)(\/.*)?$/);
      if (req.method === 'GET' && u.pathname === '/common/v1/members') {
        const wanted = (u.searchParams.get('externalEmailAddresses') ?? '').toLowerCase().split(',').filter(Boolean);
        const found = [...mock.members]
          .filter(([, e]) => wanted.includes(e.toLowerCase()))
          .map(([id, e]) => ({ id, name: e.split('@')[0], userCode: e.split('@')[0], externalEmailAddress: e }));
        return send(200, env(found, { totalCount: found.length }));
      }
      if (!m) return send(404, fail(-404, 'Not found'));
      const project = mock.projects.get(m[1]);
      if (!project) return send(404, fail(-100404, 'Project not found'));
      const rest = m[2] ?? '';
      if (req.method === 'GET' && rest === '')
        return send(200, env({ id: m[1], code: `p${m[1]}`, organization: { id: project.org } }));
      if (req.method === 'GET' && rest === '/members') {
        const page = Number(u.searchParams.get('page') ?? 0);
        const size = Number(u.searchParams.get('size') ?? 20);
        const rows = project.members
          .slice(page * size, page * size + size)
          .map((id) => ({ organizationMemberId: id, role: 'member' }));
        return send(200, env(rows, { totalCount: project.members.length }));
      }
      if (req.method === 'POST' && (rest === '/posts' || /^\/posts\/[^/]+\/logs$/.test(rest))) {
        if (mock.failWrites > 0) {
          mock.failWrites--;
          return send(500, fail(-500, 'Internal error'));
        }
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        const id = String(++seq);
        if (rest === '/posts') mock.posts.push({ id, projectId: m[1], body });
        else mock.comments.push({ id, projectId: m[1], postId: rest.split('/')[2], body });
        return send(200, env({ id }));
      }
      return send(404, fail(-404, 'Not found'));
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

/** A Dooray project hook body. `variant: 'documented'` = hookEventType + hookVersion; `'observed'` = webhookType + version. */
export function doorayHook(
  variant: 'documented' | 'observed',
  event: 'postWorkflowChanged' | 'postCommentCreated',
  ids: { orgId: string; projectId: string; postId: string },
  extra: { workflowClass?: string; commentId?: string; text?: string; author?: string; origin?: string } = {},
) {
  const base: Record<string, unknown> =
    variant === 'documented'
      ? { hookEventType: event, hookVersion: 2 }
      : {
          webhookType: event,
          hookEventType: event,
          version: 2,
          titleLink: `https://nhn.dooray.com/project/tasks/${ids.postId}`,
        };
  return {
    ...base,
    ...(event === 'postWorkflowChanged'
      ? { workflow: { id: '1', names: [{ locale: 'ko_KR', name: extra.workflowClass }], class: extra.workflowClass } }
      : {}),
    ...(event === 'postCommentCreated'
      ? {
          comment: {
            id: extra.commentId ?? '1',
            subtype: 'general',
            createdAt: new Date().toISOString(),
            body: { mimeType: 'text/x-markdown', content: extra.text ?? '' },
            creator: { type: 'member', member: { organizationMemberId: '77', name: extra.author ?? '두레이 담당자' } },
          },
        }
      : {}),
    post: { id: ids.postId, subject: '이관 업무', number: 1 },
    project: { id: ids.projectId, code: 'cs' },
    organization: { id: ids.orgId },
    tenant: { id: ids.orgId },
    source: {
      type: 'member',
      member: {
        id: '77',
        name: extra.author ?? '두레이 담당자',
        userCode: 'dooray',
        emailAddress: 'dooray@example.com',
      },
    },
    ...(extra.origin ? { requestOrigin: { type: extra.origin } } : {}),
  };
}
