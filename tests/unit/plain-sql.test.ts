import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { insertSql, rowFromDriver, updateByIdSql } from '@/db/plain-sql';
import * as schema from '@/db/schema';
import { ticketHistory, ticketMessages, tickets, triggerDeliveries } from '@/db/schema';

const db = drizzle.mock({ schema });
const dialect = new PgDialect();

/** Each row of an `insert … values (…), (…)` as column → what it sends: a parameter's value or `default`. */
function rowsOf(q: { sql: string; params: unknown[] }): Record<string, unknown>[] {
  const m = /^insert into "[a-z_]+" \(([^)]*)\) values (.*?)( on conflict .*| returning .*)?$/s.exec(q.sql);
  if (!m) throw new Error(`not an insert: ${q.sql}`);
  const cols = m[1].split(', ').map((c) => c.replace(/"/g, ''));
  return m[2]
    .slice(1, -1)
    .split('), (')
    .map((tuple) => {
      const out: Record<string, unknown> = {};
      tuple.split(', ').forEach((tok, i) => {
        out[cols[i]] = tok === 'default' ? 'default' : q.params[Number(tok.slice(1)) - 1];
      });
      return out;
    });
}

/** Drops what sends `default` (absent from our column list means the same). */
const sent = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== 'default')));

describe('db/plain-sql: the same rows as Drizzle’s builder, with bare parameters', () => {
  it('insert: jsonb as JSON text, timestamps as ISO text, nulls, defaults, several rows', () => {
    const at = new Date('2026-11-30T01:02:03.456Z');
    const rows = [
      {
        serviceId: 'svc',
        ticketId: '00000000-0000-4000-8000-000000000001',
        actorType: 'customer' as const,
        actorName: '홍길동',
        action: 'created',
        detail: { channel: 'api', number: 7, nested: ['a', null] },
        createdAt: at,
      },
      {
        serviceId: 'svc',
        ticketId: '00000000-0000-4000-8000-000000000001',
        actorType: 'system' as const,
        actorName: null,
        action: 'change',
        field: 'status',
        before: 'new',
        after: 'open',
        detail: null,
      },
    ];
    const ours = dialect.sqlToQuery(insertSql(ticketHistory, rows));
    const theirs = db.insert(ticketHistory).values(rows).toSQL();
    expect(sent(rowsOf(ours))).toEqual(sent(rowsOf(theirs)));
    expect(rowsOf(ours)[0].detail).toBe(JSON.stringify(rows[0].detail));
    expect(rowsOf(ours)[0].created_at).toBe(at.toISOString());
    // A column only some rows give is `default` in the others.
    expect(rowsOf(ours)[0].field).toBe('default');
    expect(ours.params.every((p) => p === null || typeof p !== 'object')).toBe(true);
  });

  it('insert with a tail, and SQL values kept as expressions', () => {
    const q = dialect.sqlToQuery(
      insertSql(
        ticketMessages,
        [{ id: '00000000-0000-4000-8000-000000000002', serviceId: 's', ticketId: 't', kind: 'inquiry', body: 'x' }],
        'returning *',
      ),
    );
    expect(q.sql.endsWith(' returning *')).toBe(true);
    const n = dialect.sqlToQuery(
      insertSql(tickets, [{ serviceId: 's', number: sql`next_ticket_number(${'s'})`, subject: 'a', content: 'b' }]),
    );
    expect(n.sql).toContain('next_ticket_number($2)');
    expect(n.params).toEqual(['s', 's', 'a', 'b']);
  });

  it('deliveries: the request object goes as one JSON text parameter', () => {
    const request = { urlSealed: 'abc', body: { text: '새 티켓 #1', n: 1 } };
    const row = {
      id: '00000000-0000-4000-8000-000000000003',
      serviceId: 's',
      triggerId: '00000000-0000-4000-8000-000000000004',
      triggerTitle: 't',
      ticketId: '00000000-0000-4000-8000-000000000005',
      kind: 'callback' as const,
      target: 'hooks.example',
      request,
    };
    expect(sent(rowsOf(dialect.sqlToQuery(insertSql(triggerDeliveries, [row]))))).toEqual(
      sent(rowsOf(db.insert(triggerDeliveries).values(row).toSQL())),
    );
  });

  it('update by id: values mapped, expressions inline', () => {
    const at = new Date('2026-11-30T00:00:00.000Z');
    const q = dialect.sqlToQuery(
      updateByIdSql(
        tickets,
        { status: 'open', assigneeId: null, version: sql.raw('"version" + 1'), updatedAt: at },
        'id1',
      ),
    );
    expect(q.sql).toBe(
      'update "tickets" set "status" = $1, "assignee_id" = $2, "version" = "version" + 1, "updated_at" = $3 where "tickets"."id" = $4',
    );
    expect(q.params).toEqual(['open', null, at.toISOString(), 'id1']);
  });

  it('refuses unknown columns and empty inserts', () => {
    expect(() => insertSql(tickets, [])).toThrow();
    expect(() => insertSql(tickets, [{ nope: 1 }])).toThrow(/no column nope/);
  });

  it('rowFromDriver maps a RETURNING * row as the builder does', () => {
    const row = rowFromDriver(ticketMessages, {
      id: 'm',
      service_id: 's',
      ticket_id: 't',
      kind: 'inquiry',
      author_id: null,
      body: 'x',
      format: 'text',
      mail_message_id: null,
      created_at: '2026-11-30 01:02:03.456+00',
    });
    expect(row).toMatchObject({ id: 'm', serviceId: 's', ticketId: 't', authorId: null, format: 'text' });
    expect(row.createdAt).toEqual(new Date('2026-11-30T01:02:03.456Z'));
  });
});
