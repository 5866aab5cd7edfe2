import { eq } from 'drizzle-orm';
import { doorayOrgs, doorayProjects } from '@/db/schema';
import {
  generateUserKeyAction,
  registerDoorayOrgAction,
  registerDoorayProjectAction,
  testDoorayConnectionAction,
} from '@/app/[serviceId]/(desk)/settings/channels/actions';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { startDoorayMock, type DoorayMock } from '../helpers/dooray-server';
import { doorayHelpers } from '../helpers/dooray-fixture';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
process.env.OUTBOUND_ALLOW_HTTP = '1';
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';

let dooray: DoorayMock;
beforeAll(async () => {
  dooray = await startDoorayMock();
});
afterAll(() => dooray.close());

const { setup, keyOf, idOf, registered } = doorayHelpers(db, () => dooray);

describe('Dooray settings', () => {
  it('refuses a wrong tenant token or a non-JSON answer with the reason and writes nothing', async () => {
    const { s } = await setup();
    const bad = await registerDoorayOrgAction(null, {
      serviceId: s.id,
      name: 'NHN',
      doorayOrgId: dooray.orgId,
      tenantToken: 'wrong',
      apiBaseUrl: dooray.url,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.tenantToken?.[0]).toContain('Unauthorized: invalid token');
    dooray.garbage = true;
    try {
      const junk = await registerDoorayOrgAction(null, {
        serviceId: s.id,
        name: 'NHN',
        doorayOrgId: dooray.orgId,
        tenantToken: dooray.token,
        apiBaseUrl: dooray.url,
      });
      expect(junk.ok).toBe(false);
      if (!junk.ok) expect(junk.fieldErrors?.tenantToken?.[0]).toMatch(/JSON/);
    } finally {
      dooray.garbage = false;
    }
    expect(await db().select().from(doorayOrgs).where(eq(doorayOrgs.serviceId, s.id))).toHaveLength(0);
    const missing = await registerDoorayOrgAction(null, {
      serviceId: s.id,
      name: '',
      doorayOrgId: '../x',
      tenantToken: '',
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.fieldErrors ?? {}).sort()).toEqual(['doorayOrgId', 'name']);
  });

  it('gives every agent whose e-mail is in the Dooray organization a user key, stores the token sealed, and 생성 adds one later', async () => {
    const { s, admin, agent, outsider } = await setup();
    const r = await registerDoorayOrgAction(null, {
      serviceId: s.id,
      name: 'NHN',
      doorayOrgId: dooray.orgId,
      tenantToken: dooray.token,
      apiBaseUrl: dooray.url,
    });
    expect(r).toEqual({ ok: true, data: { agents: 3, matched: 2 } });
    expect(await keyOf(admin.agent.id)).toBe(idOf(admin.member.email));
    expect(await keyOf(agent.agent.id)).toBe(idOf(agent.member.email));
    expect(await keyOf(outsider.agent.id)).toBeNull();
    const [org] = await db().select().from(doorayOrgs).where(eq(doorayOrgs.serviceId, s.id));
    expect(org.tenantTokenSealed).not.toContain(dooray.token);

    const none = await generateUserKeyAction(null, { serviceId: s.id, agentId: outsider.agent.id });
    expect(none.ok).toBe(false);
    dooray.members.set('5550001', outsider.member.email);
    expect(await generateUserKeyAction(null, { serviceId: s.id, agentId: outsider.agent.id })).toEqual({
      ok: true,
      data: { userKey: '5550001' },
    });
    expect(await testDoorayConnectionAction(null, { serviceId: s.id })).toMatchObject({
      ok: true,
      data: { found: true },
    });

    // An agent cannot manage Dooray.
    signInAs(asSessionMember(agent.member));
    expect(
      (await registerDoorayOrgAction(null, { serviceId: s.id, name: 'x', doorayOrgId: '1', tenantToken: 'x' })).ok,
    ).toBe(false);
  });

  it('refuses a project of another organization or one Dooray does not know, and an outsider as registrant', async () => {
    const { s, admin } = await registered();
    dooray.projects.set('4242', { org: '999', members: [] });
    const other = await registerDoorayProjectAction(null, {
      serviceId: s.id,
      name: '남의 프로젝트',
      address: 'https://other.dooray.com/project/4242',
      doorayProjectId: '4242',
      registrantId: admin.member.id,
    });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.fieldErrors?.doorayProjectId).toBeDefined();
    const unknown = await registerDoorayProjectAction(null, {
      serviceId: s.id,
      name: '없는 프로젝트',
      address: 'https://nhn.dooray.com/project/1',
      doorayProjectId: '1',
      registrantId: admin.member.id,
    });
    expect(unknown.ok).toBe(false);
    const stranger = await makeAgent(db(), (await makeService(db())).id);
    const notAgent = await registerDoorayProjectAction(null, {
      serviceId: s.id,
      name: 'x',
      address: 'https://nhn.dooray.com/project/4243',
      doorayProjectId: '4243',
      registrantId: stranger.member.id,
    });
    expect(notAgent.ok).toBe(false);
    if (!notAgent.ok) expect(notAgent.fieldErrors?.registrantId).toBeDefined();
    expect(await db().select().from(doorayProjects).where(eq(doorayProjects.serviceId, s.id))).toHaveLength(1);
  });
});
