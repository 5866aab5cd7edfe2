import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client } from 'pg';
import { migrationsFolder } from '@/db/migrate';
import { SYSTEM_FIELDS } from '@/lib/fields/system-fields';

// Starts from an empty database of its own (not the migrated template).
it('gives services that existed before the fields migration their system fields', async () => {
  const server = process.env.TEST_SERVER_URL!;
  const name = `cd_mig_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  try {
    // Only the migrations before the fields table.
    const journal = JSON.parse(await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
    const before = journal.entries.filter((e: { tag: string }) => e.tag.startsWith('0000_'));
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mig-'));
    await fs.mkdir(path.join(dir, 'meta'));
    await fs.writeFile(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: before }));
    for (const e of before)
      await fs.copyFile(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    await migrate(drizzle(client), { migrationsFolder: dir });
    await client.query(`INSERT INTO services (id, name) VALUES ('legacy', '예전 서비스')`);

    await migrate(drizzle(client), { migrationsFolder });
    const { rows } = await client.query(`SELECT code, is_system FROM fields WHERE service_id = 'legacy' ORDER BY code`);
    expect(rows.map((r) => r.code).sort()).toEqual(SYSTEM_FIELDS.map((f) => f.code).sort());
    expect(rows.every((r) => r.is_system)).toBe(true);
  } finally {
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
