import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { attachmentStore } from '@/lib/attachments/store';
import { mailDir, mailToFiles } from '@/lib/mail/send';
import { moduleLog } from '@/lib/log/logger';

export type FileScrub = { texts: string[]; attachmentKeys: string[] };

async function mailMentions(file: string, needles: string[]): Promise<boolean> {
  const raw = await fs.readFile(file);
  if (needles.some((n) => raw.includes(n))) return true;
  // Bodies and headers may be base64 or quoted-printable: compare the decoded mail too.
  const m = await simpleParser(raw);
  const seen = [m.subject, m.text, typeof m.html === 'string' ? m.html : '', [m.to].flat().map((a) => a?.text).join(' '), m.from?.text, ...[...m.headers.values()].map(String)].join('\n');
  return needles.some((n) => seen.includes(n));
}

async function once(job: FileScrub): Promise<void> {
  const store = attachmentStore();
  for (const key of job.attachmentKeys) await store.delete(key);
  const needles = job.texts.filter((t) => t && t.trim().length >= 3);
  if (!needles.length || !mailToFiles()) return;
  const dir = mailDir();
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
  for (const name of names) {
    const file = path.join(dir, name);
    if (await mailMentions(file, needles).catch(() => false)) await fs.rm(file, { force: true });
  }
}

/**
 * Removes the file copies of destroyed personal data, right after the destroying transaction
 * commits: the attachment bytes, and every mail of the file outbox that mentions a destroyed
 * value. Retried with backoff; the texts never go into a job payload or a log.
 */
export async function scrubFiles(job: FileScrub, attempts = 4): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      await once(job);
      return true;
    } catch (err) {
      moduleLog('pii').error({ attempt: i + 1, err: (err as Error).name }, 'file scrub attempt failed');
      await new Promise((r) => setTimeout(r, 200 * 2 ** i));
    }
  }
  return false;
}
