import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Keyset cursors over (timestamp, uuid) pairs. The timestamp travels as microsecond text
 * because a JS Date keeps only milliseconds and would skip or repeat rows.
 */
export type TimeCursor = { at: string; id: string };

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)_([0-9a-f-]{36})$/;

export function parseTimeCursor(v: string | undefined | null): TimeCursor | undefined {
  const m = v ? CURSOR.exec(v) : null;
  return m ? { at: m[1], id: m[2] } : undefined;
}

export function formatTimeCursor(c: TimeCursor): string {
  return `${c.at}_${c.id}`;
}

/** The select expression that yields a row's cursor timestamp. */
export function cursorTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** `(time, id) < cursor`, for newest-first lists. */
export function beforeCursor(time: AnyColumn, id: AnyColumn, c: TimeCursor): SQL {
  return sql`(${time}, ${id}) < (${c.at}::timestamptz, ${c.id}::uuid)`;
}

/** `(time, id) > cursor`, for oldest-first lists (agents in the order they were added). */
export function afterCursor(time: AnyColumn, id: AnyColumn, c: TimeCursor): SQL {
  return sql`(${time}, ${id}) > (${c.at}::timestamptz, ${c.id}::uuid)`;
}
