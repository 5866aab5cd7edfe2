import fs from 'node:fs';
import path from 'node:path';
import { GET } from '@/app/[serviceId]/openapi/openapi.json/route';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

describe('GET /{serviceId}/openapi/openapi.json', () => {
  it('serves an OpenAPI 3.1 document whose every path has a route handler in the app, with signed operations marked', async () => {
    const s = await makeService(db());
    const res = await GET(new Request(`http://localhost/${s.id}/openapi/openapi.json`), {
      params: Promise.resolve({ serviceId: s.id }),
    });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toMatch(new RegExp(`/${s.id}$`));
    for (const [p, ops] of Object.entries(doc.paths)) {
      // /api/v2/ticket/field/user/{categoryId}.json is served by a [categoryId] segment that strips ".json".
      const dir = p.replace(/\{categoryId\}\.json$/, '[categoryId]').replace(/\{(\w+)\}/g, '[$1]');
      expect(fs.existsSync(path.join('app', '[serviceId]', dir, 'route.ts'))).toBe(true);
      for (const op of Object.values(ops)) expect(Boolean(op.security)).toBe(p.startsWith('/openapi/v1/'));
    }
    const missing = await GET(new Request('http://localhost/nosuch/openapi/openapi.json'), {
      params: Promise.resolve({ serviceId: 'nosuch' }),
    });
    expect(missing.status).toBe(404);
  });
});
