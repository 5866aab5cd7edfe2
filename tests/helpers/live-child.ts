/**
 * Run in a separate process by tests/integration/live-desk.test.ts: changes one ticket through
 * the ordinary change path (changeTicket → recordTicketChange), as another app instance would.
 * argv: ticketId serviceId memberId memberName
 */
import { closeDb, getDb } from '@/db';
import { changeTicket } from '@/lib/tickets/change';

async function main() {
  const [ticketId, serviceId, memberId, memberName] = process.argv.slice(2);
  const ctx = {
    db: getDb(),
    member: { id: memberId, name: memberName },
    service: { id: serviceId },
  } as unknown as Parameters<typeof changeTicket>[0];
  await changeTicket(ctx, ticketId, undefined, () => ({
    event: 'updated',
    set: { assigneeId: memberId, status: 'open' },
  }));
  // The transaction has committed: the parent measures commit → event received from here.
  process.stdout.write(`committed ${Date.now()}\n`);
  await closeDb();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
