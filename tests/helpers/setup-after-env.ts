import '@testing-library/jest-dom';

// Outside a Next request there is no cache to revalidate; actions still call it.
jest.mock('next/cache', () => ({
  revalidatePath: jest.fn(),
  revalidateTag: jest.fn(),
  updateTag: jest.fn(),
  refresh: jest.fn(),
}));

// No request scope in tests: an empty cookie jar and no headers, as for a first visit.
jest.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers(),
}));

// A transaction is one connection: a query sent there while others still wait is what pg
// deprecates (and pg@9 refuses), so any test doing it fails and names the query. Same condition as
// pg's own notice (node-postgres lib/client.js); only in the node environment.
if (typeof window === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as typeof import('pg');
  type Queued = InstanceType<typeof Client> & { _queryQueue: unknown[]; pipeline?: boolean };
  const overlapping: string[] = [];
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Queued, ...args: unknown[]) {
    if (this._queryQueue.length > 0 && !this.pipeline) {
      const q = args[0] as string | { text?: string };
      overlapping.push(String(typeof q === 'string' ? q : q?.text).slice(0, 200));
    }
    return query.apply(this, args);
  } as typeof Client.prototype.query;
  afterEach(() => {
    const seen = overlapping.splice(0);
    expect({ overlappingQueriesOnOneConnection: seen }).toEqual({ overlappingQueriesOnOneConnection: [] });
  });
}
