import { defineConfig } from 'drizzle-kit';

// Generation needs no database; `drizzle-kit generate --name <what>` writes db/migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/contactdesk' },
  strict: true,
});
