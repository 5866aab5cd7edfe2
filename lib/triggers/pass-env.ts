import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { categories, groupMembers, members, serviceMembers, triggerCursors } from '@/db/schema';
import { loadCategory } from '@/lib/services/config-reads';
import type { Queryable } from '@/db';
import { autonomousQuery } from '@/db/autonomous';
import type { ServiceConfig } from '@/lib/services/config';
import type { Env } from './types';

const ADVANCE = `INSERT INTO trigger_cursors (trigger_id, slot, counter) VALUES ($1, $2, 1)
  ON CONFLICT (trigger_id, slot) DO UPDATE SET counter = trigger_cursors.counter + 1 RETURNING counter AS c`;

/**
 * Takes the next turn of a round-robin cursor. The step commits on its own (like a sequence), so
 * the cursor row is locked for one statement, not until the ticket's commit: concurrent passes on
 * any app instance each get a distinct turn without queueing. A ticket that rolls back has used
 * its turn (that agent is skipped once). Falls back to the caller's transaction when the step
 * cannot run on its own (the trigger is not committed yet).
 */
async function advanceCursor(db: Queryable, triggerId: string, slot: number): Promise<number> {
  try {
    const [row] = await autonomousQuery<{ c: string }>(ADVANCE, [triggerId, slot]);
    return Number(row.c);
  } catch {
    const [row] = await db
      .insert(triggerCursors)
      .values({ triggerId, slot, counter: 1 })
      .onConflictDoUpdate({
        target: [triggerCursors.triggerId, triggerCursors.slot],
        set: { counter: sql`${triggerCursors.counter} + 1` },
      })
      .returning({ c: triggerCursors.counter });
    return row.c;
  }
}

/**
 * The engine's environment for one pass, backed by the database. The engine is synchronous, so
 * facts it asks for that are not loaded yet are noted (`missing`) and answered with a stand-in;
 * the caller loads them and runs the pass again. Each round loads strictly more, so a pass with
 * no assignment or intake-type result reads nothing extra, and round-robin cursors advance only
 * for results the pass reaches.
 */
export class PassEnv implements Env {
  private agents = new Map<string, string[]>();
  private paths = new Map<string, string | null>();
  private cursors = new Map<string, number>();
  private want = { groups: new Set<string>(), categories: new Set<string>(), cursors: new Set<string>() };

  constructor(
    private readonly serviceId: string,
    private readonly rand: (n: number) => number = (n) => Math.floor(Math.random() * n),
    /** Test runs read cursors without advancing them. */
    private readonly advance = true,
    /** When given, assignable agents and category paths come from its memo (no query while the configuration is unchanged). */
    private readonly config: ServiceConfig | null = null,
  ) {}

  random(n: number): number {
    return this.rand(n);
  }

  roundRobin(key: string, n: number): number {
    const c = this.cursors.get(key);
    if (c === undefined) {
      this.want.cursors.add(key);
      return 0;
    }
    return c % n;
  }

  assignable(groupId: string): readonly string[] {
    const a = this.agents.get(groupId);
    if (!a) this.want.groups.add(groupId);
    return a ?? [];
  }

  categoryPath(id: string): string | null {
    if (!this.paths.has(id)) this.want.categories.add(id);
    return this.paths.get(id) ?? null;
  }

  get complete(): boolean {
    return !this.want.groups.size && !this.want.categories.size && !this.want.cursors.size;
  }

  /** Takes what the configuration memo holds out of `groups` and `cats`, loading misses one per key into it. */
  private async fromConfig(
    db: Queryable,
    config: ServiceConfig,
    groups: Set<string>,
    cats: Set<string>,
  ): Promise<void> {
    for (const g of [...groups]) {
      this.agents.set(g, [
        ...(await config.memo(`assignable:${g}`, () => this.loadAgents(db, [g]).then((m) => m.get(g) ?? []))),
      ]);
      groups.delete(g);
    }
    for (const c of [...cats]) {
      this.paths.set(
        c,
        (await config.memo(`category:${c}`, () => loadCategory(db, this.serviceId, c)))?.intakePath ?? null,
      );
      cats.delete(c);
    }
  }

  private async loadAgents(db: Queryable, ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map(ids.map((g) => [g, [] as string[]]));
    // listAssignableAgents for several groups at once: 티켓 할당 ON, ticket permission, active member.
    const rows = await db
      .select({ groupId: groupMembers.groupId, memberId: members.id })
      .from(groupMembers)
      .innerJoin(
        serviceMembers,
        and(eq(serviceMembers.id, groupMembers.agentId), eq(serviceMembers.serviceId, this.serviceId)),
      )
      .innerJoin(members, eq(members.id, serviceMembers.memberId))
      .where(
        and(
          inArray(groupMembers.groupId, ids),
          eq(groupMembers.serviceId, this.serviceId),
          eq(serviceMembers.assignable, true),
          sql`'ticket' = any(${serviceMembers.channels})`,
          eq(members.status, 'active'),
        ),
      )
      .orderBy(asc(groupMembers.groupId), asc(groupMembers.seq));
    for (const r of rows) out.get(r.groupId)!.push(r.memberId);
    return out;
  }

  /** Loads what the last run asked for. */
  async load(db: Queryable): Promise<void> {
    const { groups, categories: cats, cursors } = this.want;
    this.want = { groups: new Set(), categories: new Set(), cursors: new Set() };
    if (this.config) await this.fromConfig(db, this.config, groups, cats);
    if (groups.size) {
      for (const [g, list] of await this.loadAgents(db, [...groups])) this.agents.set(g, list);
    }
    if (cats.size) {
      const ids = [...cats];
      for (const c of ids) this.paths.set(c, null);
      const rows = await db
        .select({ id: categories.id, path: categories.path })
        .from(categories)
        .where(
          and(
            eq(categories.serviceId, this.serviceId),
            eq(categories.kind, 'intake'),
            inArray(categories.id, ids),
            isNull(categories.deletedAt),
          ),
        );
      for (const r of rows) this.paths.set(r.id, r.path);
    }
    for (const key of [...cursors].sort()) {
      const [triggerId, slot] = key.split(':');
      if (!this.advance) {
        const [row] = await db
          .select({ c: triggerCursors.counter })
          .from(triggerCursors)
          .where(and(eq(triggerCursors.triggerId, triggerId), eq(triggerCursors.slot, Number(slot))));
        this.cursors.set(key, row?.c ?? 0);
        continue;
      }
      this.cursors.set(key, (await advanceCursor(db, triggerId, Number(slot))) - 1);
    }
  }
}
