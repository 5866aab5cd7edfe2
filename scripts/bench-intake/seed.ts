import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { eq } from 'drizzle-orm';
import {
  categories,
  fields,
  groupMembers,
  groups,
  members,
  organizations,
  serviceMembers,
  triggers,
} from '@/db/schema';
import { ensureFirstStart } from '@/lib/bootstrap/first-start';
import { getDb } from '@/db';
import { QUEUES } from '@/lib/jobs/queues';
import { issueApiKey } from '@/lib/openapi/keys';
import { saveApiSettings } from '@/lib/openapi/settings';
import { insertService } from '@/lib/services/insert-service';
import { bumpTriggersVersion } from '@/lib/triggers/bump-version';
import { validateTrigger } from '@/lib/triggers/validate';

/** The bench service and the database it lives in. */
export const SERVICE = 'benchapi';
export const DB_NAME = 'cd_bench_intake';

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Drops and creates the bench database on the server at `serverUrl`; returns its URL. */
export async function freshDatabase(serverUrl: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  return withDatabase(serverUrl, DB_NAME);
}

/** The service, 4 agents in a group, an intake type, 50 active triggers (10 fire on every create), a key. */
export async function seed(url: string) {
  const db = getDb();
  await ensureFirstStart(db, {
    ...process.env,
    SEED_ADMIN_LOGIN: 'benchadmin',
    SEED_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
  });
  await insertService(db, { id: SERVICE, name: 'API bench', languages: ['ko', 'en'] });
  const agentIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const [m] = await db
      .insert(members)
      .values({
        name: `상담원 ${i + 1}`,
        loginId: `benchagent${i}`,
        email: `agent${i}@bench.example`,
        status: 'active',
      })
      .returning();
    const [a] = await db
      .insert(serviceMembers)
      .values({ serviceId: SERVICE, memberId: m.id, role: 'agent' })
      .returning();
    agentIds.push(a.id);
  }
  const [g] = await db.insert(groups).values({ serviceId: SERVICE, name: '결제' }).returning();
  for (const agentId of agentIds) await db.insert(groupMembers).values({ serviceId: SERVICE, groupId: g.id, agentId });
  const catId = crypto.randomUUID();
  await db.insert(categories).values({
    id: catId,
    serviceId: SERVICE,
    kind: 'intake',
    name: '결제',
    names: { ko: '결제' },
    path: `/${catId}/`,
    depth: 1,
    position: 0,
  });
  const created = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;
  const rows: { title: string; conditions: unknown[]; results: Record<string, unknown>[] }[] = [];
  for (let i = 0; i < 50; i++) {
    if (i % 5 === 0) {
      // The 10 that fire, in order; the round-robin assignment is the last one (last assignment wins).
      const k = i / 5;
      const results =
        k === 9
          ? [{ type: 'assign', groupId: g.id, method: 'round_robin' }]
          : k === 7
            ? [{ type: 'callback', url: 'https://hooks.bench.invalid/contact-desk' }]
            : k === 8
              ? [
                  {
                    type: 'dooray',
                    url: 'https://hook.dooray.com/services/1/2/bench',
                    botName: 'Contact Desk',
                    text: '새 티켓 #{ticketNo} #{subject}',
                  },
                ]
              : k % 2
                ? [{ type: 'set_group', groupId: g.id }]
                : [{ type: 'set_intake_type', categoryId: catId }];
      rows.push({
        title: `fires ${k}`,
        conditions: [created, { mode: 'all', target: 'subject', operator: 'contains', value: '결제' }],
        results,
      });
    } else {
      rows.push({
        title: `quiet ${i}`,
        conditions: [
          created,
          { mode: 'all', target: 'subject', operator: 'contains', value: `없는문구${i}` },
          { mode: 'any', target: 'priority', operator: 'is', value: 'urgent' },
        ],
        results: [{ type: 'set_group', groupId: g.id }],
      });
    }
  }
  await db.transaction(async (tx) => {
    let position = 0;
    for (const r of rows) {
      const checked = await validateTrigger(tx, SERVICE, { conditions: r.conditions as never, results: r.results });
      await tx.insert(triggers).values({
        serviceId: SERVICE,
        title: r.title,
        active: true,
        position: position++,
        conditions: checked.conditions,
        results: checked.results,
      });
    }
    await bumpTriggersVersion(tx, SERVICE);
  });
  const { key } = await db.transaction((tx) => issueApiKey(tx, SERVICE, null));
  await saveApiSettings(db, SERVICE, { enabled: true, allowedCidrs: [], rateLimitPerMinute: 1_000_000 });
  const [org] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  const [agree] = await db.select({ id: fields.id }).from(fields).where(eq(fields.code, 'personalAgree'));
  if (!agree) throw new Error('no personalAgree field');
  // Trigger deliveries are jobs: create pg-boss's schema and queue, as a worker would on first start.
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  const d = QUEUES.triggerDelivery;
  await boss.createQueue(d.name, {
    name: d.name,
    policy: d.policy,
    retryLimit: d.retryLimit,
    retryDelay: d.retryDelay,
    expireInSeconds: d.expireInSeconds,
  });
  await boss.stop({ graceful: false });
  return { key, orgId: org.id, catId };
}
