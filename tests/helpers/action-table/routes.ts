import { NextRequest } from 'next/server';
import { EVERYONE, DESK, ADMINS, NOBODY, uploadForm, type Role, type Fx } from './table';

export type RouteRow = {
  allow: Role[];
  call: (
    fx: Fx,
    handler: (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>,
  ) => Promise<Response>;
};
export const ROUTES = new Map<string, RouteRow>([
  [
    'app/[serviceId]/(desk)/settings/categories/export/route.ts#GET',
    {
      allow: ADMINS,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/settings/categories/export?kind=intake`), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  [
    'app/[serviceId]/attachments/[attachmentId]/route.ts#GET',
    {
      allow: DESK,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/attachments/${fx.attachmentId}`), {
          params: Promise.resolve({ serviceId: fx.s, attachmentId: fx.attachmentId }),
        }),
    },
  ],
  // Dooray's project hook: the per-service token is the credential; it always answers 200.
  [
    'app/[serviceId]/api/v2/dooray/hook/route.ts#POST',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/api/v2/dooray/hook?token=x`, { method: 'POST', body: '{}' }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  // The Open API authenticates with its API key, never with a member's session: no role gets in.
  // Unsigned on purpose, as in the original product: the help-center form's public data.
  [
    'app/[serviceId]/api/v2/ticket/categories.json/route.ts#GET',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  // Unsigned on purpose, as in the original product: the help-center form's public data.
  [
    'app/[serviceId]/api/v2/ticket/field/user/[categoryId]/route.ts#GET',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s, categoryId: fx.intakeId }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket.json/route.ts#POST',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'POST', body: '{}' }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/attachments/upload.json/route.ts#POST',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'POST', body: uploadForm() }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/[ticketId]/comment.json/route.ts#POST',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'POST', body: '{}' }), {
          params: Promise.resolve({ serviceId: fx.s, usercode: 'u1', ticketId: fx.ticket.id }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/[ticketId]/detail.json/route.ts#GET',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s, usercode: 'u1', ticketId: fx.ticket.id }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/list.json/route.ts#GET',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s, usercode: 'u1' }),
        }),
    },
  ],
  // The API's own description: public.
  [
    'app/[serviceId]/openapi/openapi.json/route.ts#GET',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/openapi/openapi.json`), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  // The live desk (issue 18): members of the service only. The stream is cancelled at once.
  [
    'app/[serviceId]/live/route.ts#GET',
    {
      allow: DESK,
      call: async (fx, h) => {
        const res = await h(new Request(`http://localhost/${fx.s}/live`), {
          params: Promise.resolve({ serviceId: fx.s }),
        });
        await res.body?.cancel().catch(() => undefined);
        return res;
      },
    },
  ],
  // The reply box's last-moment draft save (keepalive fetch on pagehide): members of the service only.
  [
    'app/[serviceId]/drafts/route.ts#POST',
    {
      allow: DESK,
      call: (fx, h) =>
        h(
          new Request(`http://localhost/${fx.s}/drafts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ticketId: fx.ticket.id, body: '작성 중' }),
          }),
          { params: Promise.resolve({ serviceId: fx.s }) },
        ),
    },
  ],
  [
    'app/[serviceId]/live/route.ts#POST',
    {
      allow: DESK,
      call: (fx, h) =>
        h(
          new Request(`http://localhost/${fx.s}/live`, {
            method: 'POST',
            body: JSON.stringify({ ticketId: fx.ticket.id, state: 'viewing' }),
          }),
          { params: Promise.resolve({ serviceId: fx.s }) },
        ),
    },
  ],
  // Liveness and readiness for load balancers: public, and they say yes or no only.
  [
    'app/api/health/route.ts#GET',
    {
      allow: EVERYONE,
      call: (_fx, h) => h(new Request('http://localhost/api/health'), { params: Promise.resolve({}) }),
    },
  ],
  [
    'app/api/ready/route.ts#GET',
    {
      allow: EVERYONE,
      call: (_fx, h) => h(new Request('http://localhost/api/ready'), { params: Promise.resolve({}) }),
    },
  ],
  // next-auth's own endpoints (sign-in, CSRF, session) are public by nature.
  [
    'app/api/auth/[...nextauth]/route.ts#GET',
    {
      allow: EVERYONE,
      call: (_fx, h) =>
        h(new NextRequest('http://localhost/api/auth/csrf'), { params: Promise.resolve({ nextauth: ['csrf'] }) }),
    },
  ],
  [
    'app/api/auth/[...nextauth]/route.ts#POST',
    {
      allow: EVERYONE,
      call: (_fx, h) =>
        h(
          new NextRequest('http://localhost/api/auth/_log', {
            method: 'POST',
            body: '',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
          { params: Promise.resolve({ nextauth: ['_log'] }) },
        ),
    },
  ],
]);
