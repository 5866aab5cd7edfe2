import { eq } from 'drizzle-orm';
import { templateLinks, templates } from '@/db/schema';
import { searchTemplates, templatesForTicket } from '@/db/queries/templates';
import {
  createTemplateAction,
  deleteTemplateAction,
  linkTemplatesAction,
  searchTemplatesAction,
  unlinkTemplatesAction,
  updateTemplateAction,
} from '@/app/[serviceId]/(desk)/settings/templates/actions';
import {
  listTicketTemplatesAction,
  renderTicketTemplateAction,
} from '@/app/[serviceId]/(desk)/tickets/template-actions';
import { createCategory } from '@/lib/categories/create';
import { deleteCategory } from '@/lib/categories/delete';
import { templateSearchInput } from '@/lib/templates/schemas';
import { asSessionMember, makeAgent, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { makeTicket } from '../helpers/tickets';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

async function world() {
  const a = await makeService(db());
  const b = await makeService(db());
  const adminA = await makeAgent(db(), a.id, 'admin');
  const adminB = await makeAgent(db(), b.id, 'admin');
  const agentA = await makeAgent(db(), a.id, 'agent');
  const org = await makeMember(db(), { isOrgAdmin: true });
  const type = (svc: typeof a, name: string) =>
    createCategory({ db: db(), service: svc }, { kind: 'processing', parentId: null, names: { ko: name } });
  return { a, b, adminA, adminB, agentA, org, type };
}

const input = (serviceId: string, over: Record<string, unknown> = {}) => ({
  serviceId,
  scope: 'service',
  title: '배송 안내',
  content: '#{name}님, 안녕하세요.',
  searchCode: '',
  categoryIds: [],
  ...over,
});
const search = (serviceId: string) => searchTemplates(db(), serviceId, templateSearchInput.parse({}));

describe('templates', () => {
  it('shows a shared (공용) template in every service and a service-only (전용) one only in its own', async () => {
    const w = await world();
    signInAs(asSessionMember(w.adminA.member));
    const shared = await createTemplateAction(
      null,
      input(w.a.id, { scope: 'shared', title: '공용 인사', searchCode: 'hello' }),
    );
    const own = await createTemplateAction(null, input(w.a.id, { title: '전용 인사', searchCode: 'own' }));
    expect(shared.ok && own.ok).toBe(true);
    expect((await search(w.a.id)).rows.map((r) => r.title).sort()).toEqual(['공용 인사', '전용 인사']);
    // (The first test: the database holds only these two templates.)
    expect((await search(w.b.id)).rows.map((r) => r.title)).toEqual(['공용 인사']);
    signInAs(asSessionMember(w.adminB.member));
    const inB = await searchTemplatesAction(null, { serviceId: w.b.id });
    expect(inB.ok && inB.data.rows.map((r) => [r.title, r.editable])).toEqual([['공용 인사', false]]);
  });

  it('lets only org admins and the creating service’s admins change a shared template', async () => {
    const w = await world();
    signInAs(asSessionMember(w.adminA.member));
    const r = await createTemplateAction(null, input(w.a.id, { scope: 'shared', title: '공용' }));
    if (!r.ok) throw new Error(r.error);
    const id = r.data.id;

    signInAs(asSessionMember(w.adminB.member));
    const byOther = await updateTemplateAction(null, input(w.b.id, { id, scope: 'shared', title: '바꿈' }));
    expect(byOther).toMatchObject({ ok: false, error: expect.stringContaining('조직관리자') });
    expect(await deleteTemplateAction(null, { serviceId: w.b.id, id })).toMatchObject({ ok: false });

    signInAs(asSessionMember(w.agentA.member));
    expect(await updateTemplateAction(null, input(w.a.id, { id, scope: 'shared', title: '상담원' }))).toMatchObject({
      ok: false,
    });

    signInAs(asSessionMember(w.org));
    expect(
      await updateTemplateAction(null, input(w.b.id, { id, scope: 'shared', title: '조직관리자가 고침' })),
    ).toMatchObject({ ok: true });
    signInAs(asSessionMember(w.adminA.member));
    expect(
      await updateTemplateAction(null, input(w.a.id, { id, scope: 'shared', title: '만든 서비스가 고침' })),
    ).toMatchObject({ ok: true });
    const [row] = await db().select().from(templates).where(eq(templates.id, id));
    expect(row.title).toBe('만든 서비스가 고침');
    // Another service's admin may still link it to their own processing types.
    const typeB = await w.type(w.b, '배송');
    signInAs(asSessionMember(w.adminB.member));
    expect(
      await linkTemplatesAction(null, { serviceId: w.b.id, categoryId: typeB.id, templateIds: [id] }),
    ).toMatchObject({ ok: true, data: { linked: 1 } });
    expect(
      await unlinkTemplatesAction(null, { serviceId: w.b.id, categoryId: typeB.id, templateIds: [id] }),
    ).toMatchObject({ ok: true, data: { unlinked: 1 } });
  });

  it('refuses a link to another service’s processing type, and drops links when the type is deleted', async () => {
    const w = await world();
    const typeA = await w.type(w.a, '환불');
    const typeB = await w.type(w.b, '교환');
    signInAs(asSessionMember(w.adminA.member));
    const bad = await createTemplateAction(null, input(w.a.id, { categoryIds: [typeB.id] }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { categoryIds: [expect.any(String)] } });
    expect(await db().select().from(templates).where(eq(templates.serviceId, w.a.id))).toHaveLength(0);
    const ok = await createTemplateAction(null, input(w.a.id, { categoryIds: [typeA.id] }));
    if (!ok.ok) throw new Error(ok.error);
    expect(
      await linkTemplatesAction(null, { serviceId: w.a.id, categoryId: typeB.id, templateIds: [ok.data.id] }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('처리유형') });
    expect(await db().select().from(templateLinks).where(eq(templateLinks.categoryId, typeB.id))).toEqual([]);
    expect((await search(w.a.id)).rows[0].links.map((l) => l.name)).toEqual(['환불']);
    const ticket = await makeTicket(db(), w.a.id, { processingTypeId: typeA.id });
    // Linked first, then the rest (shared templates of other tests included).
    expect(
      (await templatesForTicket(db(), w.a.id, ticket.processingTypeId, '')).filter((t) => t.linked).map((t) => t.title),
    ).toEqual(['배송 안내']);
    expect((await templatesForTicket(db(), w.a.id, ticket.processingTypeId, ''))[0].title).toBe('배송 안내');

    await deleteCategory({ db: db(), service: w.a }, { id: typeA.id });
    expect((await search(w.a.id)).rows[0].links).toEqual([]);
    // A ticket whose type was deleted is offered every template (as when none is set).
    const other = await createTemplateAction(null, input(w.a.id, { title: '다른 것' }));
    expect(other.ok).toBe(true);
    expect((await templatesForTicket(db(), w.a.id, typeA.id, '')).map((t) => t.title)).toEqual(
      expect.arrayContaining(['다른 것', '배송 안내']),
    );
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const w = await world();
    signInAs(asSessionMember(w.adminA.member));
    const first = await createTemplateAction(null, input(w.a.id, { searchCode: 'Ship1' }));
    expect(first.ok).toBe(true);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ' }, 'title'],
      [{ searchCode: 'a'.repeat(21) }, 'searchCode'],
      [{ searchCode: '배송' }, 'searchCode'],
      [{ searchCode: 'ship1' }, 'searchCode'],
      [{ content: '#{name} #{nope}' }, 'content'],
      [{ scope: 'everyone' }, 'scope'],
      [{ categoryIds: ['not-a-uuid'] }, 'categoryIds'],
    ];
    for (const [over, field] of cases) {
      const r = await createTemplateAction(null, input(w.a.id, over));
      expect(r).toMatchObject({
        ok: false,
        fieldErrors: { [field]: [expect.not.stringMatching(/(^|[^#])\{[a-z]+\}/)] },
      });
    }
    const unknown = await createTemplateAction(null, input(w.a.id, { content: '#{nope}' }));
    expect(!unknown.ok && unknown.fieldErrors?.content?.[0]).toContain('#{nope}');
    expect(await db().select().from(templates).where(eq(templates.serviceId, w.a.id))).toHaveLength(1);

    // A shared code clashes with a service-only template of another service that would see it.
    signInAs(asSessionMember(w.adminB.member));
    const clash = await createTemplateAction(null, input(w.b.id, { scope: 'shared', searchCode: 'SHIP1' }));
    expect(clash).toMatchObject({ ok: false, fieldErrors: { searchCode: [expect.stringContaining('배송 안내')] } });
    expect(await createTemplateAction(null, input(w.b.id, { searchCode: 'SHIP1' }))).toMatchObject({ ok: true });
  });

  it('renders a template for a ticket with its substitution codes and counts each use', async () => {
    const w = await world();
    const typeA = await w.type(w.a, '문의');
    signInAs(asSessionMember(w.adminA.member));
    const r = await createTemplateAction(
      null,
      input(w.a.id, {
        content: '#{name}님, 티켓 #{ticketNo} 답변입니다.',
        searchCode: 'greet',
        categoryIds: [typeA.id],
      }),
    );
    if (!r.ok) throw new Error(r.error);
    const ticket = await makeTicket(db(), w.a.id, { processingTypeId: typeA.id, requesterName: '홍길동' });
    signInAs(asSessionMember(w.agentA.member));
    const list = await listTicketTemplatesAction(null, { serviceId: w.a.id, ticketId: ticket.id, q: 'gre' });
    expect(list.ok && list.data.map((t) => t.searchCode)).toEqual(['greet']);
    const out = await renderTicketTemplateAction(null, {
      serviceId: w.a.id,
      ticketId: ticket.id,
      templateId: r.data.id,
    });
    // An HTML service's reply box is the rich-text editor: it takes the sanitized HTML, the text stays for plain boxes.
    expect(out).toEqual({
      ok: true,
      data: {
        text: `홍길동님, 티켓 ${ticket.number} 답변입니다.`,
        html: `홍길동님, 티켓 ${ticket.number} 답변입니다.`,
      },
    });
    await renderTicketTemplateAction(null, { serviceId: w.a.id, ticketId: ticket.id, templateId: r.data.id });
    const [row] = await db().select().from(templates).where(eq(templates.id, r.data.id));
    expect(row.useCount).toBe(2);
    // Another service's ticket is not found.
    const ticketB = await makeTicket(db(), w.b.id);
    expect(
      await renderTicketTemplateAction(null, { serviceId: w.a.id, ticketId: ticketB.id, templateId: r.data.id }),
    ).toMatchObject({ ok: false });
  });

  it('drops other services’ links when a shared template becomes service-only', async () => {
    const w = await world();
    signInAs(asSessionMember(w.adminA.member));
    const r = await createTemplateAction(null, input(w.a.id, { scope: 'shared' }));
    if (!r.ok) throw new Error(r.error);
    const typeB = await w.type(w.b, '배송');
    signInAs(asSessionMember(w.adminB.member));
    await linkTemplatesAction(null, { serviceId: w.b.id, categoryId: typeB.id, templateIds: [r.data.id] });
    signInAs(asSessionMember(w.adminA.member));
    expect(await updateTemplateAction(null, input(w.a.id, { id: r.data.id, scope: 'service' }))).toMatchObject({
      ok: true,
    });
    expect(await db().select().from(templateLinks).where(eq(templateLinks.serviceId, w.b.id))).toEqual([]);
    expect((await search(w.b.id)).rows.map((x) => x.id)).not.toContain(r.data.id);
  });
});
