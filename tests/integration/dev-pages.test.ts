import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { asSessionMember, makeMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const env = process.env as Record<string, string | undefined>;

/** Every page under app/dev, found on disk, so a new dev page is covered without a new row. */
function devPages(dir = path.join(process.cwd(), 'app', 'dev')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return devPages(p);
    return e.name === 'page.tsx' ? [p] : [];
  });
}

type Page = (props: { params: Promise<Record<string, string>> }) => Promise<unknown>;
async function render(file: string): Promise<string> {
  const mod = (await import(file)) as { default: Page };
  try {
    await mod.default({ params: Promise.resolve({ id: 'invite-1.eml' }) });
    return 'rendered';
  } catch (err) {
    const digest = String((err as { digest?: string }).digest ?? err);
    if (digest.includes(';404')) return '404';
    if (digest.startsWith('NEXT_REDIRECT')) return 'login';
    return 'rendered'; // got past the guard (e.g. translations are not set up in jest)
  }
}

let mailDir = '';
beforeAll(async () => {
  mailDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cd-devmail-'));
  env.MAIL_DIR = mailDir;
  await fsp.writeFile(
    path.join(mailDir, 'invite-1.eml'),
    'From: a@example.com\r\nTo: b@example.com\r\nSubject: invite\r\n\r\nhttp://localhost/invite/secret\r\n',
  );
  delete env.SMTP_URL;
});
afterEach(() => {
  env.NODE_ENV = 'test';
  delete env.DEV_MAIL_PAGE;
  delete env.CONTACT_DESK_EMBEDDED_DB;
  signOut();
});

it('finds the dev pages it guards', () => {
  expect(devPages().length).toBeGreaterThanOrEqual(2);
});

it('keeps every dev page off in production, even on the embedded database, for everyone', async () => {
  env.NODE_ENV = 'production';
  env.CONTACT_DESK_EMBEDDED_DB = '1';
  signInAs(asSessionMember(await makeMember(db(), { isOrgAdmin: true })));
  for (const page of devPages()) expect([page, await render(page)]).toEqual([page, '404']);
});

it('opens the dev pages in production only when forced on, and then to org admins only', async () => {
  env.NODE_ENV = 'production';
  env.DEV_MAIL_PAGE = '1';
  const agent = asSessionMember(await makeMember(db()));
  const admin = asSessionMember(await makeMember(db(), { isOrgAdmin: true }));
  for (const page of devPages()) {
    signOut();
    expect([page, await render(page)]).toEqual([page, 'login']);
    signInAs(agent);
    expect([page, await render(page)]).toEqual([page, '404']);
    signInAs(admin);
    expect([page, await render(page)]).not.toEqual([page, '404']);
  }
});

it('in development still refuses anyone but an org admin', async () => {
  env.NODE_ENV = 'development';
  signInAs(asSessionMember(await makeMember(db())));
  for (const page of devPages()) expect([page, await render(page)]).toEqual([page, '404']);
});

it('stays off whenever real SMTP is configured', async () => {
  env.NODE_ENV = 'development';
  env.DEV_MAIL_PAGE = '1';
  env.SMTP_URL = 'smtp://127.0.0.1:1';
  signInAs(asSessionMember(await makeMember(db(), { isOrgAdmin: true })));
  try {
    for (const page of devPages()) expect([page, await render(page)]).toEqual([page, '404']);
  } finally {
    delete env.SMTP_URL;
  }
});
