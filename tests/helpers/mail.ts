import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/** Every .eml file the outbox wrote to `dir`, parsed. */
export async function readOutbox(dir: string): Promise<ParsedMail[]> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => simpleParser(await fs.readFile(path.join(dir, f)))));
}

export function recipients(mail: ParsedMail): string {
  return [mail.to].flat().map((a) => a?.text ?? '').join(', ');
}
