import { getTableColumns, getTableName, SQL, StringChunk, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Statements of the intake hot path as `sql` with plain parameters. Drizzle's insert builder
 * wraps every value of every row in a `Param` bound to its column, and turning that into text
 * walks each chunk's prototype chain several times (`is()`) and types each parameter: measured
 * on the Open API create, building its statements cost ~5 ms of CPU per ticket, more than the
 * rest of the request. Here the column list of a table is resolved once, each value goes
 * through its column's `mapToDriverValue` (what the builder sends: JSON text for jsonb, ISO text
 * for timestamps) and becomes a bare parameter, which Drizzle turns into `$n` at once. The SQL
 * composes like any other (`sql`, `sql.join`, a CTE of a larger statement).
 */

type Meta = { name: string; columns: Map<string, Column> };
const metas = new WeakMap<PgTable, Meta>();

function meta(table: PgTable): Meta {
  let m = metas.get(table);
  if (!m) {
    m = {
      name: `"${getTableName(table)}"`,
      columns: new Map(Object.entries(getTableColumns(table) as Record<string, Column>)),
    };
    metas.set(table, m);
  }
  return m;
}

const chunk = (s: string) => new StringChunk(s);

/** The value as the driver receives it (null stays null). */
function driverValue(column: Column, value: unknown): unknown {
  return value === null ? null : column.mapToDriverValue(value);
}

/**
 * `INSERT INTO table (…) VALUES (…), (…)` of `rows` (keys are the table's property names, as
 * for `db.insert(table).values(rows)`). A column absent from every row is left out (its default
 * applies); one absent from some rows gets `default` there, or its `$defaultFn`, as the builder
 * does. `tail` follows the values (`ON CONFLICT …`, `RETURNING …`).
 */
export function insertSql(table: PgTable, rows: readonly Record<string, unknown>[], tail?: SQL | string): SQL {
  if (!rows.length) throw new Error('insertSql: no rows');
  const m = meta(table);
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const k in r)
      if (!seen.has(k) && r[k] !== undefined) {
        if (!m.columns.has(k)) throw new Error(`insertSql: ${m.name} has no column ${k}`);
        seen.add(k);
        keys.push(k);
      }
  // Columns the builder would fill in from JS when a row leaves them out.
  for (const [k, c] of m.columns)
    if (!seen.has(k) && (c.defaultFn || (c.onUpdateFn && !c.default))) {
      seen.add(k);
      keys.push(k);
    }
  const cols = keys.map((k) => m.columns.get(k)!);
  const chunks: unknown[] = [chunk(`insert into ${m.name} (${cols.map((c) => `"${c.name}"`).join(', ')}) values `)];
  rows.forEach((r, i) => {
    chunks.push(chunk(i ? ', (' : '('));
    cols.forEach((c, j) => {
      if (j) chunks.push(chunk(', '));
      let v = r[keys[j]];
      if (v === undefined) v = c.defaultFn ? c.defaultFn() : c.onUpdateFn && !c.default ? c.onUpdateFn() : undefined;
      if (v === undefined) chunks.push(chunk('default'));
      else if (v instanceof SQL) chunks.push(v);
      else chunks.push(driverValue(c, v));
    });
    chunks.push(chunk(')'));
  });
  if (tail !== undefined)
    chunks.push(typeof tail === 'string' ? chunk(` ${tail}`) : chunk(' '), ...(typeof tail === 'string' ? [] : [tail]));
  return new SQL(chunks as SQL['queryChunks']);
}

/** `UPDATE table SET … WHERE id = $id` of the given properties (values may be `sql` expressions). */
export function updateByIdSql(table: PgTable, set: Record<string, unknown>, id: string): SQL {
  const m = meta(table);
  const chunks: unknown[] = [chunk(`update ${m.name} set `)];
  let first = true;
  for (const k in set) {
    const v = set[k];
    if (v === undefined) continue;
    const c = m.columns.get(k);
    if (!c) throw new Error(`updateByIdSql: ${m.name} has no column ${k}`);
    chunks.push(chunk(`${first ? '' : ', '}"${c.name}" = `));
    first = false;
    chunks.push(v instanceof SQL ? v : driverValue(c, v));
  }
  const idCol = m.columns.get('id');
  if (first || !idCol) throw new Error(`updateByIdSql: nothing to set on ${m.name}`);
  chunks.push(chunk(` where ${m.name}."${idCol.name}" = `), id);
  return new SQL(chunks as SQL['queryChunks']);
}

/** A row of `RETURNING *` (database column names, driver values) as the table's typed row, as the builder maps it. */
export function rowFromDriver<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [k, c] of meta(table).columns) {
    const v = raw[c.name];
    out[k] = v === null || v === undefined ? null : c.mapFromDriverValue(v);
  }
  return out as T['$inferSelect'];
}
