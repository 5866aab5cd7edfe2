import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { GET } from '@/app/[serviceId]/attachments/[attachmentId]/route';
import { saveAttachments } from '@/lib/attachments/save';
import { attachmentToken } from '@/lib/helpcenter/tokens';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';
import { makeTicket } from '../helpers/tickets';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
process.env.ATTACHMENTS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-att-'));

const db = setupTestDb();

async function attached(serviceId: string) {
  const ticket = await makeTicket(db(), serviceId);
  const [row] = await saveAttachments(db(), serviceId, ticket.id, null, [
    { fileName: '견적서 "최종".pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.7 hello') },
  ]);
  return row;
}

const get = (serviceId: string, id: string, token?: string) =>
  GET(
    new Request(`http://localhost/${serviceId}/attachments/${id}${token ? `?token=${encodeURIComponent(token)}` : ''}`),
    { params: Promise.resolve({ serviceId, attachmentId: id }) },
  );

describe('GET /{serviceId}/attachments/{id}', () => {
  afterEach(() => signOut());

  it('serves a member of the service the file as a download that is never sniffed', async () => {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id);
    const row = await attached(s.id);
    signInAs(asSessionMember(member));
    const res = await get(s.id, row.id);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.7 hello');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="___ ____\.pdf"; filename\*=UTF-8''/);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('견적서 "최종".pdf'));
  });

  it('answers 404 to a member of another service, to nobody, and for another service in the URL', async () => {
    const s = await makeService(db());
    const other = await makeService(db());
    const { member } = await makeAgent(db(), other.id, 'admin');
    const row = await attached(s.id);
    signInAs(asSessionMember(member));
    expect((await get(s.id, row.id)).status).toBe(404);
    expect((await get(other.id, row.id)).status).toBe(404);
    signOut();
    expect((await get(s.id, row.id)).status).toBe(404);
    expect((await get(s.id, 'not-a-uuid')).status).toBe(404);
  });

  it('answers 404, not a server error, when the bytes of a row are gone from the store', async () => {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id);
    const row = await attached(s.id);
    fs.rmSync(path.join(process.env.ATTACHMENTS_DIR!, row.storageKey));
    signInAs(asSessionMember(member));
    expect((await get(s.id, row.id)).status).toBe(404);
  });

  it("lets the requester's signed link download exactly that attachment for 7 days", async () => {
    const s = await makeService(db());
    const row = await attached(s.id);
    const second = await attached(s.id);
    expect((await get(s.id, row.id, attachmentToken(s.id, row.id))).status).toBe(200);
    expect((await get(s.id, second.id, attachmentToken(s.id, row.id))).status).toBe(404);
    expect((await get(s.id, row.id, attachmentToken(s.id, row.id, Date.now() - 8 * 86400_000))).status).toBe(404);
    expect((await get(s.id, row.id, 'garbage')).status).toBe(404);
    expect((await get(s.id, randomUUID(), attachmentToken(s.id, row.id))).status).toBe(404);
  });
});
