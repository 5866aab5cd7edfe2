import type { Db } from '@/db';
import { importParsedMail, importParsedMails, mayThread, reserveTicketNumbers } from '../inbound/import-mail';
import type { InboundMail } from '../inbound/parse';

/** Transactions importing a run of new mails side by side. */
export const IMPORT_LANES = 4;
/** New mails per transaction in those lanes: a few, so a commit is shared without starving the other lanes. */
const LANE_GROUP = 4;
/** Mails that may answer earlier ones, imported one after another: this many per transaction. */
const ORDERED_GROUP = 10;

/** A fetched message: its UID and its parse (started ahead, in UID order). */
export type FetchedMail = { uid: number; mail: Promise<InboundMail> };
type Parsed = { uid: number; mail: InboundMail };
type Failure = { error: unknown };

/**
 * A group of mails in one transaction; if that fails as a whole, one by one, as a lone mail would
 * be (a duplicate is refused by its Message-ID; reserved numbers are not reused, so they are
 * gaps). Returns the first failure, after which the rest of the group is left for the next poll.
 */
async function importGroup(
  db: Db,
  serviceId: string,
  group: Parsed[],
  done: number[],
  numbers?: ReadonlyMap<string, number>,
): Promise<Failure | null> {
  const together = await importParsedMails(
    db,
    serviceId,
    group.map((m) => m.mail),
    numbers,
  ).then(
    () => true,
    () => false,
  );
  if (together) {
    for (const m of group) done.push(m.uid);
    return null;
  }
  for (const m of group) {
    try {
      await importParsedMail(db, serviceId, m.mail);
      done.push(m.uid);
    } catch (error) {
      return { error };
    }
  }
  return null;
}

/**
 * A run of mails that can only open new tickets (or create nothing): their numbers are reserved
 * in UID order in one statement, then they are imported in IMPORT_LANES transactions at a time.
 * After a failure no further group is started; groups already running finish.
 */
async function importSideBySide(db: Db, serviceId: string, run: Parsed[], done: number[]): Promise<Failure | null> {
  let numbers: Map<string, number>;
  try {
    numbers = await reserveTicketNumbers(
      db,
      serviceId,
      run.filter((m) => !m.mail.automatic).map((m) => m.mail.messageId),
    );
  } catch (error) {
    return { error };
  }
  const groups: Parsed[][] = [];
  for (let i = 0; i < run.length; i += LANE_GROUP) groups.push(run.slice(i, i + LANE_GROUP));
  let next = 0;
  let failure: Failure | null = null;
  const lane = async () => {
    while (!failure && next < groups.length) {
      const f = await importGroup(db, serviceId, groups[next++], done, numbers);
      failure ??= f;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMPORT_LANES, groups.length) }, lane));
  return failure;
}

/** A run of mails that may answer earlier ones: one group after another, each seeing every commit before it. */
async function importInOrder(db: Db, serviceId: string, run: Parsed[], done: number[]): Promise<Failure | null> {
  for (let i = 0; i < run.length; i += ORDERED_GROUP) {
    const failure = await importGroup(db, serviceId, run.slice(i, i + ORDERED_GROUP), done);
    if (failure) return failure;
  }
  return null;
}

/**
 * Imports one fetched chunk of an account. Tickets are numbered in UID order, and a mail that may
 * answer another (references, a `[#123]` tag, or a Message-ID seen earlier in the chunk) waits
 * until every mail before it is committed, so a reply always finds the ticket of the mail it
 * answers. Between such mails, runs of new mails are imported side by side (one Node process
 * importing one mail at a time is bounded by its round trips, not by the database).
 *
 * Returns the UIDs committed (or suppressed as automatic) and the first failure: a mail that
 * cannot be parsed or imported stops the chunk there; mails after it that committed meanwhile are
 * refused by their Message-ID when the next poll fetches them again.
 */
export async function importChunk(
  db: Db,
  serviceId: string,
  chunk: FetchedMail[],
): Promise<{ done: number[]; failure: Failure | null }> {
  const parsed: Parsed[] = [];
  let parseFailure: Failure | null = null;
  for (const m of chunk) {
    try {
      parsed.push({ uid: m.uid, mail: await m.mail });
    } catch (error) {
      parseFailure = { error };
      break;
    }
  }
  const runs: { free: boolean; mails: Parsed[] }[] = [];
  const seen = new Set<string>();
  for (const m of parsed) {
    const free = Boolean(m.mail.automatic) || (!mayThread(m.mail) && !seen.has(m.mail.messageId));
    if (!m.mail.automatic) seen.add(m.mail.messageId);
    const last = runs.at(-1);
    if (last?.free === free) last.mails.push(m);
    else runs.push({ free, mails: [m] });
  }
  const done: number[] = [];
  for (const run of runs) {
    const failure = await (run.free ? importSideBySide : importInOrder)(db, serviceId, run.mails, done);
    if (failure) return { done: done.sort((x, y) => x - y), failure };
  }
  return { done: done.sort((x, y) => x - y), failure: parseFailure };
}
