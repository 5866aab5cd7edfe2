import { eq } from 'drizzle-orm';
import { groupMembers, serviceMembers } from '@/db/schema';
import { ensureFirstStart } from '@/lib/bootstrap/first-start';
import { seedDemo } from '@/lib/demo/seed-demo';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

it('adds demo agents and groups to the demo service once', async () => {
  await ensureFirstStart(db(), { SEED_ADMIN_PASSWORD: 'seed-admin-pass-1' } as unknown as NodeJS.ProcessEnv);
  expect((await seedDemo(db(), 'demo-pass-2026')).added).toHaveLength(4);
  expect((await seedDemo(db(), 'demo-pass-2026')).added).toHaveLength(0);
  expect(await db().select().from(serviceMembers).where(eq(serviceMembers.serviceId, 'demo'))).toHaveLength(5);
  expect(await db().select().from(groupMembers).where(eq(groupMembers.serviceId, 'demo'))).toHaveLength(6);
});
