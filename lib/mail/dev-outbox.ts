import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { mailDir, mailToFiles } from './send';

/**
 * The dev mail page is on while mail goes to files and the app runs in development, or with
 * DEV_MAIL_PAGE=1 forced on; never when real SMTP delivery is configured. A production build
 * (`npm start`, even on the embedded database) keeps it off: the outbox holds invite links,
 * customer mails and attachment tokens. Readers must also be org admins (lib/dev/access.ts).
 */
export function devMailEnabled(): boolean {
  if (!mailToFiles() || process.env.DEV_MAIL_PAGE === '0') return false;
  return process.env.NODE_ENV !== 'production' || process.env.DEV_MAIL_PAGE === '1';
}

export type DevMailSummary = { id: string; subject: string; to: string; date: Date };
const ID = /^[A-Za-z0-9-]+\.eml$/;

/** The newest `limit` mails written to the outbox folder. */
export async function listDevMails(limit = 100): Promise<DevMailSummary[]> {
  const files = await fs.readdir(mailDir()).catch(() => [] as string[]);
  const newest = files
    .filter((f) => ID.test(f))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (id) => {
      const m = await simpleParser(await fs.readFile(path.join(mailDir(), id)));
      return {
        id,
        subject: m.subject ?? '',
        to: m.to ? (Array.isArray(m.to) ? m.to.map((a) => a.text).join(', ') : m.to.text) : '',
        date: m.date ?? new Date(0),
      };
    }),
  );
}

/** One mail by file name; null for a name that is not an outbox file. */
export async function readDevMail(id: string) {
  if (!ID.test(id)) return null;
  const raw = await fs.readFile(path.join(mailDir(), id)).catch(() => null);
  if (!raw) return null;
  const m = await simpleParser(raw);
  return {
    id,
    subject: m.subject ?? '',
    from: m.from?.text ?? '',
    to: m.to ? (Array.isArray(m.to) ? m.to.map((a) => a.text).join(', ') : m.to.text) : '',
    date: m.date ?? null,
    text: m.text ?? '',
    headers: Object.fromEntries(
      [...m.headers]
        .filter(([k]) => ['message-id', 'references', 'in-reply-to', 'auto-submitted'].includes(k))
        .map(([k, v]) => [k, String(v)]),
    ),
  };
}
