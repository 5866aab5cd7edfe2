import { authorizeService, listAccessibleServices } from '@/lib/auth/access';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { addAgent, asSessionMember, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

describe('authorizeService', () => {
  it('gives each kind of member exactly the access of SPEC §1', async () => {
    const a = await makeService(db());
    const b = await makeService(db());
    const org = asSessionMember(await makeMember(db(), { isOrgAdmin: true }));
    const adminA = await makeMember(db());
    await addAgent(db(), a.id, adminA.id, 'admin', { canViewLogs: true });
    const agentA = await makeMember(db());
    await addAgent(db(), a.id, agentA.id, 'agent', { canTransfer: true, canViewLogs: true });
    const adminB = await makeMember(db());
    await addAgent(db(), b.id, adminB.id, 'admin');
    const outsider = asSessionMember(await makeMember(db()));

    const check = async (m: Parameters<typeof authorizeService>[1], need: Parameters<typeof authorizeService>[3]) =>
      authorizeService(db(), m, a.id, need).then(
        (r) => r.role,
        (e) => (e instanceof NotFoundError ? 'notFound' : e instanceof ForbiddenError ? 'forbidden' : 'error'),
      );

    const matrix = {
      org: [await check(org, {}), await check(org, { role: 'admin' }), await check(org, { permission: 'viewLogs' })],
      adminA: [
        await check(asSessionMember(adminA), {}),
        await check(asSessionMember(adminA), { role: 'admin' }),
        await check(asSessionMember(adminA), { permission: 'viewLogs' }),
      ],
      agentA: [
        await check(asSessionMember(agentA), {}),
        await check(asSessionMember(agentA), { role: 'admin' }),
        await check(asSessionMember(agentA), { permission: 'viewLogs' }),
      ],
      adminB: [
        await check(asSessionMember(adminB), {}),
        await check(asSessionMember(adminB), { role: 'admin' }),
        await check(asSessionMember(adminB), { permission: 'viewLogs' }),
      ],
      outsider: [
        await check(outsider, {}),
        await check(outsider, { role: 'admin' }),
        await check(outsider, { permission: 'viewLogs' }),
      ],
    };
    expect(matrix).toEqual({
      org: ['admin', 'admin', 'admin'],
      adminA: ['admin', 'admin', 'admin'],
      // 조회 권한 is for admins only, even if the flag was stored on an agent.
      agentA: ['agent', 'forbidden', 'forbidden'],
      adminB: ['notFound', 'notFound', 'notFound'],
      outsider: ['notFound', 'notFound', 'notFound'],
    });
    await expect(authorizeService(db(), org, 'ghost')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists only the services a member belongs to; org admins see all', async () => {
    const a = await makeService(db());
    await makeService(db());
    const m = await makeMember(db());
    await addAgent(db(), a.id, m.id);
    expect((await listAccessibleServices(db(), asSessionMember(m))).map((s) => s.id)).toEqual([a.id]);
    const org = asSessionMember(await makeMember(db(), { isOrgAdmin: true }));
    expect((await listAccessibleServices(db(), org)).length).toBeGreaterThanOrEqual(2);
  });
});
