import { providerJson } from '@/lib/channels/provider';

/** Default Dooray API host (integrations.md §2.3); gov and closed-network organizations set their own. */
export const DOORAY_API = 'https://api.dooray.com';

export type DoorayAuth = { baseUrl: string; token: string };
type R<T> = {
  header: { isSuccessful: boolean; resultCode: number; resultMessage: string };
  result: T;
  totalCount?: number;
};

function call<T>(auth: DoorayAuth, method: string, path: string, body?: unknown) {
  return providerJson<R<T>>(`${auth.baseUrl.replace(/\/+$/, '')}${path}`, {
    method,
    headers: { authorization: `dooray-api ${auth.token}` },
    body,
  });
}

export type DoorayMember = { id: string; name?: string; externalEmailAddress?: string };

const CHUNK = 50;

/** Dooray member ids of the given e-mail addresses (lowercased keys), asked 50 addresses at a time. */
export async function membersByEmail(auth: DoorayAuth, emails: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const list = [...new Set(emails.map((e) => e.toLowerCase()))];
  for (let i = 0; i < list.length || i === 0; i += CHUNK) {
    const part = list.slice(i, i + CHUNK);
    const q = new URLSearchParams({ externalEmailAddresses: part.join(','), page: '0', size: String(CHUNK) });
    const r = await call<DoorayMember[]>(auth, 'GET', `/common/v1/members?${q}`);
    for (const m of Array.isArray(r.result) ? r.result : [])
      if (m?.id && m.externalEmailAddress) out.set(m.externalEmailAddress.toLowerCase(), String(m.id));
    if (!list.length) break;
  }
  return out;
}

/** The project as Dooray describes it; `organization.id` tells which organization owns it. */
export async function getProject(auth: DoorayAuth, projectId: string) {
  const r = await call<{ id: string; code?: string; organization?: { id?: string } }>(
    auth,
    'GET',
    `/project/v1/projects/${encodeURIComponent(projectId)}`,
  );
  return r.result;
}

const MEMBER_PAGES = 20;

/** True when the Dooray member belongs to the project (pages of 100, at most 2,000 members read). */
export async function isProjectMember(auth: DoorayAuth, projectId: string, memberId: string): Promise<boolean> {
  for (let page = 0; page < MEMBER_PAGES; page++) {
    const r = await call<{ organizationMemberId: string }[]>(
      auth,
      'GET',
      `/project/v1/projects/${encodeURIComponent(projectId)}/members?page=${page}&size=100`,
    );
    const rows = Array.isArray(r.result) ? r.result : [];
    if (rows.some((m) => String(m.organizationMemberId) === memberId)) return true;
    if (rows.length < 100) return false;
  }
  return false;
}

/** Creates a task (업무); `from` is the Dooray member it is created for (the agent or the registrant). */
export async function createPost(
  auth: DoorayAuth,
  projectId: string,
  input: { subject: string; body: string; from: string | null },
): Promise<string> {
  const r = await call<{ id: string }>(auth, 'POST', `/project/v1/projects/${encodeURIComponent(projectId)}/posts`, {
    users: {
      ...(input.from ? { from: { type: 'member', member: { organizationMemberId: input.from } } } : {}),
      to: [],
      cc: [],
    },
    subject: input.subject,
    body: { mimeType: 'text/x-markdown', content: input.body },
    priority: 'none',
  });
  return String(r.result.id);
}

/** Adds a comment (log) to a task and returns Dooray's id of it. */
export async function createComment(
  auth: DoorayAuth,
  projectId: string,
  postId: string,
  content: string,
): Promise<string> {
  const r = await call<{ id: string }>(
    auth,
    'POST',
    `/project/v1/projects/${encodeURIComponent(projectId)}/posts/${encodeURIComponent(postId)}/logs`,
    { body: { content, mimeType: 'text/x-markdown' } },
  );
  return String(r.result.id);
}
