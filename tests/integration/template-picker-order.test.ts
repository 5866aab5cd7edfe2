import { createTemplateAction } from '@/app/[serviceId]/(desk)/settings/templates/actions';
import { listTicketTemplatesAction } from '@/app/[serviceId]/(desk)/tickets/template-actions';
import { createCategory } from '@/lib/categories/create';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { makeTicket } from '../helpers/tickets';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

describe('the reply form’s template picker', () => {
  it('lists the templates linked to the ticket’s processing type first, then every other one; search and /code find any', async () => {
    const s = await makeService(db());
    const admin = await makeAgent(db(), s.id, 'admin');
    const agent = await makeAgent(db(), s.id, 'agent');
    const refund = await createCategory(
      { db: db(), service: s },
      { kind: 'processing', parentId: null, names: { ko: '환불' } },
    );
    signInAs(asSessionMember(admin.member));
    const make = async (title: string, searchCode: string, categoryIds: string[] = []) => {
      const r = await createTemplateAction(null, {
        serviceId: s.id,
        scope: 'service',
        title,
        content: '#{name}님, 안녕하세요.',
        searchCode,
        categoryIds,
      });
      if (!r.ok) throw new Error(r.error);
    };
    await make('가 인사', 'hello');
    await make('환불 안내', 'refund', [refund.id]);
    await make('배송 안내', 'ship');
    const ticket = await makeTicket(db(), s.id, { processingTypeId: refund.id, processingTypePath: refund.path });

    signInAs(asSessionMember(agent.member));
    const all = await listTicketTemplatesAction(null, { serviceId: s.id, ticketId: ticket.id, q: '' });
    expect(all.ok && all.data.map((t) => [t.title, t.linked])).toEqual([
      ['환불 안내', true],
      ['가 인사', false],
      ['배송 안내', false],
    ]);
    const bySearch = await listTicketTemplatesAction(null, { serviceId: s.id, ticketId: ticket.id, q: '배송' });
    expect(bySearch.ok && bySearch.data.map((t) => t.title)).toEqual(['배송 안내']);
    const byCode = await listTicketTemplatesAction(null, { serviceId: s.id, ticketId: ticket.id, q: 'hel' });
    expect(byCode.ok && byCode.data.map((t) => t.searchCode)).toEqual(['hello']);
  });
});
