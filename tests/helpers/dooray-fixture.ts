import { and, eq } from 'drizzle-orm';
import { doorayProjects, serviceMembers, tickets, triggerDeliveries } from '@/db/schema';
import type { Db } from '@/db';
import {
  registerDoorayOrgAction,
  registerDoorayProjectAction,
  setDoorayStateAction,
} from '@/app/[serviceId]/(desk)/settings/channels/actions';
import { POST as hookRoute } from '@/app/[serviceId]/api/v2/dooray/hook/route';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { asSessionMember, makeAgent, makeService } from './factories';
import type { DoorayMock } from './dooray-server';
import { signInAs } from './session';

/**
 * Shared by the Dooray test files: a service with an admin and agents known to the mock Dooray, the same
 * with the org and a project registered, delivering a ticket's pending deliveries, and calling the hook.
 */
export function doorayHelpers(db: () => Db, mock: () => DoorayMock) {
  async function setup() {
    const s = await makeService(db());
    const admin = await makeAgent(db(), s.id, 'admin', {}, { email: `admin-${s.id}@example.com` });
    const agent = await makeAgent(db(), s.id, 'agent', {}, { email: `agent-${s.id}@example.com` });
    const outsider = await makeAgent(db(), s.id, 'agent', {}, { email: `nobody-${s.id}@example.com` });
    mock().members.set(`9${s.id.length}1${Math.floor(Math.random() * 1e9)}`, admin.member.email);
    mock().members.set(`8${Math.floor(Math.random() * 1e9)}`, agent.member.email);
    signInAs(asSessionMember(admin.member));
    return { s, admin, agent, outsider };
  }

  const keyOf = async (agentId: string) =>
    (
      await db().select({ k: serviceMembers.doorayUserKey }).from(serviceMembers).where(eq(serviceMembers.id, agentId))
    )[0].k;
  const idOf = (email: string) => [...mock().members].find(([, e]) => e === email)![0];

  async function registered() {
    const x = await setup();
    expect((await setDoorayStateAction(null, { serviceId: x.s.id, enabled: true, paused: false })).ok).toBe(true);
    const r = await registerDoorayOrgAction(null, {
      serviceId: x.s.id,
      name: 'NHN',
      doorayOrgId: mock().orgId,
      tenantToken: mock().token,
      apiBaseUrl: mock().url,
    });
    expect(r).toMatchObject({ ok: true, data: { matched: 2 } });
    const projectId = String(Math.floor(Math.random() * 1e12));
    mock().projects.set(projectId, { org: mock().orgId, members: [idOf(x.admin.member.email)] });
    const p = await registerDoorayProjectAction(null, {
      serviceId: x.s.id,
      name: 'CS 이관',
      address: `https://nhn.dooray.com/project/${projectId}`,
      doorayProjectId: projectId,
      registrantId: x.admin.member.id,
    });
    expect(p.ok).toBe(true);
    const [project] = await db().select().from(doorayProjects).where(eq(doorayProjects.serviceId, x.s.id));
    return { ...x, projectId, project };
  }

  async function deliverAll(ticketId: string) {
    const rows = await db()
      .select()
      .from(triggerDeliveries)
      .where(and(eq(triggerDeliveries.ticketId, ticketId), eq(triggerDeliveries.status, 'pending')));
    for (const d of rows) {
      await db()
        .update(triggerDeliveries)
        .set({ nextAttemptAt: new Date(Date.now() - 1000) })
        .where(eq(triggerDeliveries.id, d.id));
      await attemptDelivery(db(), d.id);
    }
  }

  async function hook(serviceId: string, token: string, body: unknown, raw?: string) {
    const req = new Request(`http://localhost/${serviceId}/api/v2/dooray/hook?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      body: raw ?? JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    const res = await hookRoute(req, { params: Promise.resolve({ serviceId }) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  }

  const statusOf = async (id: string) =>
    (await db().select({ s: tickets.status }).from(tickets).where(eq(tickets.id, id)))[0].s;

  return { setup, keyOf, idOf, registered, deliverAll, hook, statusOf };
}
