import { Client } from 'pg';
import { searchTextOf } from '@/lib/tickets/search-text';
import { rng } from './rng';
import type { SeedWorld } from './world';
import { BODIES, CLOSINGS, DOMAINS, GIVEN, OPENINGS, PRODUCTS, ROMAN, SUBJECTS, SURNAMES } from './vocabulary';

/**
 * Bulk test data for measuring the ticket lists at scale (scripts/seed-tickets.ts,
 * scripts/bench-tickets.ts): a realistic Korean intake tree (3 levels), processing types,
 * agents in groups, then N tickets loaded with multi-row `INSERT … SELECT FROM unnest(…)`
 * batches. Everything is deterministic for a given seed, so two runs give the same shape.
 * The service, trees and agents are made in ./world.ts from the words in ./vocabulary.ts.
 */

const COLUMNS = [
  ['number', 'int'],
  ['subject', 'text'],
  ['content', 'text'],
  ['status', 'text'],
  ['priority', 'text'],
  ['channel', 'text'],
  ['requester_name', 'text'],
  ['requester_email', 'text'],
  ['requester_phone', 'text'],
  ['intake_type_id', 'uuid'],
  ['intake_type_path', 'text'],
  ['processing_type_id', 'uuid'],
  ['processing_type_path', 'text'],
  ['assignee_id', 'uuid'],
  ['group_id', 'uuid'],
  ['starred', 'bool'],
  ['spam', 'bool'],
  ['internal_reason', 'text'],
  ['solved_by_id', 'uuid'],
  ['closed_by_id', 'uuid'],
  ['search_text', 'text'],
  ['first_replied_at', 'timestamptz'],
  ['solved_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;
type Col = (typeof COLUMNS)[number][0];

const DAY = 86_400_000;

/**
 * Inserts `count` tickets into the world's service, numbered from its sequence, created over the
 * `years` before `now` in number order. Recent tickets are mostly new/open/pending, old ones
 * solved/closed; ~2% are spam; agents and categories are skewed (some are much busier).
 * `onBatch` reports progress. Returns the first number.
 */
export async function insertSeedTickets(
  client: Client,
  world: SeedWorld,
  opts: {
    count: number;
    batch?: number;
    years?: number;
    seed?: number;
    now?: number;
    onBatch?: (done: number) => void;
  },
): Promise<number> {
  const batch = opts.batch ?? 10_000;
  const r = rng(opts.seed ?? 42);
  const now = opts.now ?? Date.now();
  const span = (opts.years ?? 2) * 365 * DAY;
  const leaves = world.intake.filter((n) => n.depth === 3);
  const mids = world.intake.filter((n) => n.depth === 2);
  const procLeaves = world.processing.filter((n) => n.depth === 2);
  const byGroup = new Map(world.groups.map((g) => [g.id, world.agents.filter((a) => a.groupIds.includes(g.id))]));
  {
    let first = 0;
    const text = COLUMNS.map(([, t], i) => `$${i + 2}::${t}[]`).join(', ');
    const insert = `INSERT INTO tickets (service_id, ${COLUMNS.map(([c]) => c).join(', ')}) SELECT $1, * FROM unnest(${text})`;
    for (let done = 0; done < opts.count;) {
      const n = Math.min(batch, opts.count - done);
      const cols: Record<Col, unknown[]> = Object.fromEntries(COLUMNS.map(([c]) => [c, new Array(n)])) as Record<
        Col,
        unknown[]
      >;
      // Numbers from the service's sequence, so seeding beside live intake never collides.
      const { rows } = await client.query<{ n: number[] }>(
        'SELECT array_agg(next_ticket_number($1) ORDER BY g) AS n FROM generate_series(1, $2::int) g',
        [world.serviceId, n],
      );
      const numbers = rows[0].n;
      first ||= numbers[0];
      for (let k = 0; k < n; k++) {
        const i = done + k;
        const created = now - span + Math.floor(((i + r.next()) / opts.count) * span);
        const age = (now - created) / DAY;
        const spam = r.next() < 0.02;
        const leaf = r.next() < 0.85 ? leaves[r.skewed(leaves.length)] : mids[r.skewed(mids.length)];
        const catName = leaf.name;
        const product = r.pick(PRODUCTS);
        const orderNo = 2024000000 + r.int(99_999_999);
        const status = spam
          ? 'closed'
          : age < 3
            ? r.weighted([
                ['new', 30],
                ['open', 40],
                ['pending', 15],
                ['solved', 12],
                ['closed', 3],
              ] as const)
            : age < 30
              ? r.weighted([
                  ['new', 4],
                  ['open', 26],
                  ['pending', 20],
                  ['solved', 30],
                  ['closed', 18],
                  ['dooray_working', 2],
                ] as const)
              : r.weighted([
                  ['open', 2],
                  ['pending', 1],
                  ['solved', 7],
                  ['closed', 89],
                  ['dooray_done', 1],
                ] as const);
        const agent = status === 'new' || spam ? null : world.agents[r.skewed(world.agents.length)];
        const groupId = agent ? r.pick(agent.groupIds) : spam ? null : world.groups[leaf.root % world.groups.length].id;
        if (agent && groupId && !byGroup.get(groupId)?.includes(agent)) throw new Error('inconsistent seed group');
        const name = `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
        const email = r.next() < 0.8 ? `${r.pick(ROMAN)}${r.int(9999)}@${r.pick(DOMAINS)}` : null;
        const phone = r.next() < 0.5 ? `010-${String(1000 + r.int(9000))}-${String(1000 + r.int(9000))}` : null;
        const subject = spam
          ? r.pick([
              '[광고] 최저가 보장 이벤트',
              '무료 쿠폰 받아가세요!!',
              '대출 한도 조회 안내',
              '부업으로 월 500 벌기',
            ])
          : r.pick(SUBJECTS)(catName, product, orderNo);
        const content = spam
          ? `${subject} 지금 바로 클릭하세요 http://spam.example/${r.int(1e6)}`
          : `${r.pick(OPENINGS)} ${r.pick(BODIES)(catName, product, orderNo)} ${r.pick(CLOSINGS)}`;
        const done_ = status === 'solved' || status === 'closed' || status === 'dooray_done';
        const proc = done_ && !spam ? r.pick(procLeaves) : null;
        const replied = agent && status !== 'new' ? created + (10 + r.int(600)) * 60_000 : null;
        const solvedAt = done_ ? Math.min(now, created + (1 + r.int(72)) * 3_600_000) : null;
        const closedAt = status === 'closed' ? Math.min(now, (solvedAt ?? created) + (spam ? 60_000 : 3 * DAY)) : null;
        const updated = Math.max(created, closedAt ?? solvedAt ?? replied ?? created);
        const c = cols;
        c.number[k] = numbers[k];
        c.subject[k] = subject;
        c.content[k] = content;
        c.status[k] = status;
        c.priority[k] = r.weighted([
          ['normal', 70],
          ['low', 10],
          ['high', 15],
          ['urgent', 5],
        ] as const);
        c.channel[k] = r.weighted([
          ['helpcenter_web', 45],
          ['helpcenter_mobile', 20],
          ['email', 25],
          ['api', 5],
          ['manual', 5],
        ] as const);
        c.requester_name[k] = name;
        c.requester_email[k] = email;
        c.requester_phone[k] = phone;
        c.intake_type_id[k] = spam ? null : leaf.id;
        c.intake_type_path[k] = spam ? null : leaf.path;
        c.processing_type_id[k] = proc?.id ?? null;
        c.processing_type_path[k] = proc?.path ?? null;
        c.assignee_id[k] = agent?.memberId ?? null;
        c.group_id[k] = groupId;
        c.starred[k] = r.next() < 0.01;
        c.spam[k] = spam;
        c.internal_reason[k] = spam ? 'spam' : null;
        c.solved_by_id[k] = done_ && agent ? agent.memberId : null;
        c.closed_by_id[k] = status === 'closed' && agent ? agent.memberId : null;
        c.search_text[k] = searchTextOf(
          { subject, content, requesterName: name, requesterEmail: email, requesterPhone: phone },
          {},
        );
        c.first_replied_at[k] = replied ? new Date(replied).toISOString() : null;
        c.solved_at[k] = solvedAt ? new Date(solvedAt).toISOString() : null;
        c.closed_at[k] = closedAt ? new Date(closedAt).toISOString() : null;
        c.created_at[k] = new Date(created).toISOString();
        c.updated_at[k] = new Date(updated).toISOString();
      }
      await client.query(insert, [world.serviceId, ...COLUMNS.map(([col]) => cols[col])]);
      done += n;
      opts.onBatch?.(done);
    }
    return first;
  }
}

/**
 * Drops the secondary indexes of `tickets` (a bulk load is several times faster without them)
 * and returns their definitions for `restoreIndexes`. Call both in one transaction around the
 * load: a failure then rolls the drop back too (the table is locked meanwhile).
 */
export async function dropTicketIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'tickets'::regclass AND NOT x.indisprimary AND NOT x.indisunique`);
  for (const r of rows) await client.query(`DROP INDEX IF EXISTS "${r.name}"`);
  return rows.map((r) => r.def);
}

export async function restoreIndexes(client: Client, defs: string[]): Promise<void> {
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const def of defs) await client.query(def.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
}
