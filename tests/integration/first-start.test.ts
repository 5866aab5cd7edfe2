import { eq } from 'drizzle-orm';
import { members, organizations, serviceMembers, services } from '@/db/schema';
import { ensureFirstStart } from '@/lib/bootstrap/first-start';
import { login } from '@/lib/auth/login';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

describe('first start', () => {
  it('creates the organization, the org admin and the demo service once, even when started twice at once', async () => {
    const env = { SEED_ADMIN_LOGIN: 'boss', SEED_ADMIN_PASSWORD: 'boss-password-1' } as unknown as NodeJS.ProcessEnv;
    const [r1, r2] = await Promise.all([ensureFirstStart(db(), env), ensureFirstStart(db(), env)]);
    expect([r1.created, r2.created].sort()).toEqual([false, true]);
    expect(await db().select().from(organizations)).toHaveLength(1);
    const [demo] = await db().select().from(services).where(eq(services.id, 'demo'));
    expect(demo.languages).toEqual(['ko', 'en']);
    const [boss] = await db().select().from(members).where(eq(members.loginId, 'boss'));
    expect(boss).toMatchObject({ isOrgAdmin: true, status: 'active' });
    expect(await db().select().from(serviceMembers).where(eq(serviceMembers.memberId, boss.id))).toHaveLength(1);
    expect(await login(db(), { login: 'boss', password: 'boss-password-1' })).toMatchObject({ ok: true });
    expect((await ensureFirstStart(db(), env)).created).toBe(false);
  });
});
