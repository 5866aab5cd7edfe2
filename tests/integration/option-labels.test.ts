import { fields, ticketFieldValues } from '@/db/schema';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
import { loadTicket } from '@/lib/tickets/snapshot';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { makeTicket } from '../helpers/tickets';

const db = setupTestDb();

async function ticketWithChoices(language: string) {
  const s = await makeService(db());
  const [grade] = await db()
    .insert(fields)
    .values({
      serviceId: s.id,
      audience: 'customer',
      code: 'grade',
      type: 'dropdown',
      names: { ko: '회원등급' },
      options: [
        { value: 'gold', labels: { ko: '골드회원', en: 'Gold member' } },
        { value: 'basic', labels: { ko: '일반회원', en: 'Basic' } },
      ],
    })
    .returning();
  const [topics] = await db()
    .insert(fields)
    .values({
      serviceId: s.id,
      audience: 'customer',
      code: 'topics',
      type: 'checkbox',
      names: { ko: '문의 주제' },
      options: [
        { value: 'ship', labels: { ko: '배송', en: 'Shipping' } },
        { value: 'pay', labels: { ko: '결제', en: 'Payment' } },
      ],
    })
    .returning();
  const t = await makeTicket(db(), s.id, { language });
  await db()
    .insert(ticketFieldValues)
    .values([
      { serviceId: s.id, ticketId: t.id, fieldId: grade.id, value: 'gold' },
      { serviceId: s.id, ticketId: t.id, fieldId: topics.id, value: ['ship', 'pay'] },
    ]);
  return (await loadTicket(db(), s.id, t.id)).snapshot;
}

describe('substitution codes of choice fields', () => {
  it("give the option's Korean label in a Korean ticket's mails, not the stored code", async () => {
    const ticket = await ticketWithChoices('ko');
    const values = await substitutionValues(db(), ticket, { audience: 'customer' });
    expect(renderCodes('#{grade} / #{topics}', values, { html: false })).toBe('골드회원 / 배송, 결제');
  });

  it("give the English label in an English ticket's mails", async () => {
    const ticket = await ticketWithChoices('en');
    const values = await substitutionValues(db(), ticket, { audience: 'agent' });
    expect(renderCodes('#{grade} / #{topics}', values, { html: false })).toBe('Gold member / Shipping, Payment');
  });
});
