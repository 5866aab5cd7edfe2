import { createGroupAction } from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { createCategoryAction } from '@/app/[serviceId]/(desk)/settings/categories/actions';
import SettingsLayout from '@/app/[serviceId]/(desk)/settings/layout';
import { formErrorOf } from '@/components/ui/use-form-action';
import { asSessionMember, makeAgent, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
// What next.config.mjs's experimental.authInterrupts sets for the app.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const settle = (p: Promise<unknown>) =>
  p.then(
    () => 'rendered',
    (e: { digest?: string }) => e.digest ?? String(e),
  );

describe('refusals', () => {
  it('answers an agent opening a settings screen with 403 (forbidden), a stranger with 404, and lets an admin in', async () => {
    const s = await makeService(db());
    const agent = await makeAgent(db(), s.id, 'agent');
    const admin = await makeAgent(db(), s.id, 'admin');
    const stranger = await makeMember(db());
    const open = () => settle(SettingsLayout({ children: null, params: Promise.resolve({ serviceId: s.id }) }));
    signInAs(asSessionMember(agent.member));
    expect(await open()).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    signInAs(asSessionMember(stranger));
    expect(await open()).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    signInAs(asSessionMember(admin.member));
    expect(await open()).toBe('rendered');
  });

  it('says a duplicate name once: under the field, not again above the button', async () => {
    const s = await makeService(db());
    const admin = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin.member));
    expect((await createGroupAction(null, { serviceId: s.id, name: '결제팀', agentIds: [] })).ok).toBe(true);
    const dup = await createGroupAction(null, { serviceId: s.id, name: ' 결제팀 ', agentIds: [] });
    if (dup.ok) throw new Error('duplicate accepted');
    expect(dup.fieldErrors?.name).toEqual([expect.stringContaining('결제팀')]);
    expect(formErrorOf(dup)).toBeNull();
    expect(
      (await createCategoryAction(null, { serviceId: s.id, kind: 'intake', parentId: null, names: { ko: '환불' } })).ok,
    ).toBe(true);
    const clash = await createCategoryAction(null, {
      serviceId: s.id,
      kind: 'intake',
      parentId: null,
      names: { ko: '환불' },
    });
    if (clash.ok) throw new Error('duplicate accepted');
    expect(formErrorOf(clash)).toBeNull();
    // A refusal that names no field is still shown above the button.
    expect(formErrorOf({ error: '권한이 없습니다.' })).toBe('권한이 없습니다.');
  });
});
