import { and, eq, isNull, sql } from 'drizzle-orm';
import { categories, groupMembers, groups, members, serviceMembers, services, type CategoryKind } from '@/db/schema';
import type { Db } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { insertService } from '@/lib/services/insert-service';
import { rng } from './rng';
import { GIVEN, GROUPS, INTAKE, PROCESSING, SURNAMES } from './vocabulary';

export type SeedNode = { id: string; path: string; depth: number; name: string; root: number };
export type SeedAgent = { memberId: string; name: string; loginId: string; groupIds: string[] };
export type SeedWorld = {
  serviceId: string;
  intake: SeedNode[];
  processing: SeedNode[];
  agents: SeedAgent[];
  groups: { id: string; name: string }[];
};

async function ensureTree(db: Db, serviceId: string, kind: CategoryKind): Promise<SeedNode[]> {
  const live = () =>
    db
      .select({
        id: categories.id,
        path: categories.path,
        depth: categories.depth,
        name: categories.name,
        parentId: categories.parentId,
      })
      .from(categories)
      .where(and(eq(categories.serviceId, serviceId), eq(categories.kind, kind), isNull(categories.deletedAt)));
  let rows = await live();
  if (!rows.length) {
    type Row = {
      id: string;
      parent_id: string | null;
      path: string;
      depth: number;
      position: number;
      name: string;
      names: Record<string, string>;
    };
    const out: Row[] = [];
    const add = (parent: Row | null, name: string, position: number) => {
      const id = crypto.randomUUID();
      const row = {
        id,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? 0) + 1,
        position,
        name,
        names: { ko: name },
      };
      out.push(row);
      return row;
    };
    if (kind === 'intake') {
      INTAKE.forEach((r, i) => {
        const root = add(null, r.name, i);
        r.children.forEach((c, j) => {
          const mid = add(root, c, j);
          r.qualifiers.forEach((q, k) => add(mid, `${q} ${c}`, k));
        });
      });
    } else {
      PROCESSING.forEach((r, i) => {
        const root = add(null, r.name, i);
        r.children.forEach((c, j) => add(root, c, j));
      });
    }
    await db.execute(sql`
      INSERT INTO categories (id, service_id, kind, parent_id, path, depth, position, name, names)
      SELECT v.id, ${serviceId}, ${kind}, v.parent_id, v.path, v.depth, v.position, v.name, v.names
      FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb) AS v(id uuid, parent_id uuid, path text, depth int, position int, name text, names jsonb)`);
    rows = await live();
  }
  const roots = rows.filter((r) => r.depth === 1).map((r) => r.id);
  return rows.map((r) => ({
    id: r.id,
    path: r.path,
    depth: r.depth,
    name: r.name,
    root: Math.max(0, roots.indexOf(r.path.split('/')[1])),
  }));
}

/**
 * The service (created if missing), its category trees (created when empty), 6 groups and
 * `agentCount` agents (`<prefix>01`… with one shared password) in one or two groups each.
 */
export async function ensureSeedWorld(
  db: Db,
  opts: { serviceId: string; agentCount?: number; password: string; loginPrefix?: string },
): Promise<SeedWorld> {
  const { serviceId, password } = opts;
  const agentCount = opts.agentCount ?? 30;
  const prefix = opts.loginPrefix ?? `${serviceId}-agent-`;
  const [svc] = await db.select({ id: services.id }).from(services).where(eq(services.id, serviceId));
  if (!svc)
    await db.transaction((tx) =>
      insertService(tx, { id: serviceId, name: `${serviceId} 서비스`, languages: ['ko', 'en'] }),
    );
  const intake = await ensureTree(db, serviceId, 'intake');
  const processing = await ensureTree(db, serviceId, 'processing');
  for (const name of GROUPS) await db.insert(groups).values({ serviceId, name }).onConflictDoNothing();
  const groupRows = (
    await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.serviceId, serviceId))
  ).filter((g) => GROUPS.includes(g.name));
  groupRows.sort((a, b) => GROUPS.indexOf(a.name) - GROUPS.indexOf(b.name));
  const hash = await hashPassword(password);
  const r = rng(7);
  const agents: SeedAgent[] = [];
  for (let i = 1; i <= agentCount; i++) {
    const loginId = `${prefix}${String(i).padStart(2, '0')}`;
    const name = `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 11) % GIVEN.length]}`;
    await db
      .insert(members)
      .values({ name, loginId, email: `${loginId}@example.com`, passwordHash: hash, status: 'active' })
      .onConflictDoNothing();
    const [m] = await db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(sql`lower(${members.loginId})`, loginId.toLowerCase()));
    await db.update(members).set({ passwordHash: hash, status: 'active' }).where(eq(members.id, m.id));
    await db
      .insert(serviceMembers)
      .values({ serviceId, memberId: m.id, role: i === 1 ? 'admin' : 'agent', canTransfer: true })
      .onConflictDoNothing();
    const [sm] = await db
      .select({ id: serviceMembers.id })
      .from(serviceMembers)
      .where(and(eq(serviceMembers.serviceId, serviceId), eq(serviceMembers.memberId, m.id)));
    const mine = [groupRows[(i - 1) % groupRows.length]];
    if (r.next() < 0.4) mine.push(groupRows[(i + 2) % groupRows.length]);
    for (const g of mine)
      await db.insert(groupMembers).values({ groupId: g.id, agentId: sm.id, serviceId }).onConflictDoNothing();
    agents.push({ memberId: m.id, name: m.name, loginId, groupIds: mine.map((g) => g.id) });
  }
  return { serviceId, intake, processing, agents, groups: groupRows };
}
