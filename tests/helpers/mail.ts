import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/** Every .eml file the outbox wrote to `dir`, parsed. */
export async function readOutbox(dir: string): Promise<ParsedMail[]> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => simpleParser(await fs.readFile(path.join(dir, f)))));
}

export function recipients(mail: ParsedMail): string {
  return [mail.to]
    .flat()
    .map((a) => a?.text ?? '')
    .join(', ');
}

/**
 * Sends every due mail of the outbox now, as the worker would (one attempt each), and returns
 * how many deliveries were attempted.
 */
export async function drainOutbox(db: import('@/db').Db): Promise<number> {
  const { eq } = await import('drizzle-orm');
  const { triggerDeliveries } = await import('@/db/schema');
  const { attemptDelivery } = await import('@/lib/triggers/deliveries/attempt');
  const due = await db
    .select({ id: triggerDeliveries.id })
    .from(triggerDeliveries)
    .where(eq(triggerDeliveries.status, 'pending'));
  let n = 0;
  for (const d of due) if (await attemptDelivery(db, d.id)) n++;
  return n;
}
