import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { simpleParser } from 'mailparser';
import { attachmentStore } from '@/lib/attachments/store';
import { decryptValue, encryptValue, type Binding } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';
import type { Queryable } from '@/db';
import { QUEUES } from '@/lib/jobs/queues';
import { onTx, queueReady, sender } from '@/lib/jobs/send-on-tx';
import { mailDir, mailToFiles } from '@/lib/mail/send';
import { moduleLog } from '@/lib/log/logger';

/** What a destruction leaves to remove from files: attachment keys, and the destroyed texts to look for in mails. */
export type FileScrub = { texts: string[]; attachmentKeys: string[] };

/**
 * The job payload. The texts are the destroyed values themselves, so they are sealed with the
 * master key (bound to this job's scrub id): pg-boss keeps payloads in its tables and archive,
 * and a hash would not do — mails are searched for the values as substrings of decoded text.
 */
export type FileScrubJob = { scrubId: string; sealedTexts: string | null; attachmentKeys: string[] };

const binding = (scrubId: string): Binding => ({ table: 'pgboss.job', column: 'data.sealedTexts', rowId: scrubId });

async function mailMentions(file: string, needles: string[]): Promise<boolean> {
  const raw = await fs.readFile(file);
  if (needles.some((n) => raw.includes(n))) return true;
  // Bodies and headers may be base64 or quoted-printable: compare the decoded mail too.
  const m = await simpleParser(raw);
  const seen = [
    m.subject,
    m.text,
    typeof m.html === 'string' ? m.html : '',
    [m.to]
      .flat()
      .map((a) => a?.text)
      .join(' '),
    m.from?.text,
    ...[...m.headers.values()].map(String),
  ].join('\n');
  return needles.some((n) => seen.includes(n));
}

/** One pass; throws when a file could not be removed (the job is retried). */
export async function scrubFilesOnce(job: FileScrub): Promise<void> {
  const store = attachmentStore();
  for (const key of job.attachmentKeys) await store.delete(key);
  const needles = job.texts.filter((t) => t && t.trim().length >= 3);
  if (!needles.length || !mailToFiles()) return;
  const dir = mailDir();
  const names = (
    await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    })
  ).filter((f) => f.endsWith('.eml'));
  for (const name of names) {
    const file = path.join(dir, name);
    // An unreadable or unparsable mail cannot hold a readable copy; one that vanished is gone.
    if (await mailMentions(file, needles).catch(() => false)) await fs.rm(file, { force: true });
  }
}

/**
 * Enqueues the removal of the file copies of destroyed personal data in the destroying
 * transaction (a rolled-back destruction removes nothing): the attachment bytes, and every mail
 * of the file outbox that mentions a destroyed value. The worker runs it right after commit and
 * retries it with backoff. Before any worker has created the queue (a first start without one)
 * the caller gets `false` and runs `scrubFilesOnce` itself after commit.
 */
export async function enqueueFileScrub(tx: Queryable, job: FileScrub): Promise<boolean> {
  const texts = [...new Set(job.texts.filter((t) => t && t.trim().length >= 3))];
  if (!texts.length && !job.attachmentKeys.length) return true;
  const q = QUEUES.piiFileScrub;
  if (!(await queueReady(tx, q.name))) return false;
  const scrubId = randomUUID();
  const data: FileScrubJob = {
    scrubId,
    sealedTexts: texts.length ? encryptValue(masterKey(), texts, binding(scrubId)) : null,
    attachmentKeys: [...new Set(job.attachmentKeys)],
  };
  await sender().send(q.name, data, {
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelay,
    retryBackoff: q.retryBackoff,
    expireInSeconds: q.expireInSeconds,
    db: onTx(tx),
  } as PgBoss.SendOptions);
  return true;
}

/** The worker's handler: opens the sealed texts and removes the files; a throw means retry. */
export async function runFileScrub(data: FileScrubJob): Promise<void> {
  const texts = data.sealedTexts ? decryptValue<string[]>(masterKey(), data.sealedTexts, binding(data.scrubId)) : [];
  try {
    await scrubFilesOnce({ texts, attachmentKeys: data.attachmentKeys });
  } catch (err) {
    // Only the error class and code: a message may name a file or a value.
    const e = err as NodeJS.ErrnoException;
    throw new Error(`file scrub failed: ${e.name}${e.code ? ` ${e.code}` : ''}`);
  }
}

/** The in-process fallback (no queue yet): a few attempts with backoff, right after commit. */
export async function scrubFilesNow(job: FileScrub, attempts = 4): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      await scrubFilesOnce(job);
      return true;
    } catch (err) {
      moduleLog('pii').error({ attempt: i + 1, err: (err as Error).name }, 'file scrub attempt failed');
      await new Promise((r) => setTimeout(r, 200 * 2 ** i));
    }
  }
  return false;
}
