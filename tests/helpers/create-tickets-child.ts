/**
 * A second "app instance" for concurrency tests: `tsx
 * tests/helpers/create-tickets-child.ts <serviceId> <count> <clients>` creates tickets through
 * `createTicket` with its own pools and trigger cache (DATABASE_URL from the environment).
 */
import { and, eq } from 'drizzle-orm';
import { fields } from '@/db/schema';
import { closeDb, getDb } from '@/db';
import { createTicket } from '@/lib/tickets/create-ticket';

async function main() {
  const [serviceId, count, clients] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const db = getDb();
  const [name] = await db
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'name')));
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        next++;
        await db.transaction((tx) =>
          createTicket(tx, {
            serviceId,
            channel: 'api',
            language: 'ko',
            subject: '다른 인스턴스',
            content: '동시 생성',
            intakeTypeId: null,
            entries: [{ field: name, value: '김철수' }],
            actor: { type: 'customer', name: '김철수' },
          }),
        );
      }
    }),
  );
  await closeDb();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
