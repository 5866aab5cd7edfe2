import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  apiKeys,
  bannedWords,
  categories,
  doorayProjects,
  fields,
  mailAccounts,
  serviceMembers,
  templates,
  triggerDeliveries,
  triggers,
} from '@/db/schema';
import { saveAttachments } from '@/lib/attachments/save';
import type { Db } from '@/db';
import { makeAgent, makeGroup, makeMember, makeService } from '../factories';
import { makeTicket } from '../tickets';
import { hex, type People, type Fx } from './table';

/** A fresh service with one of everything the table's inputs point at. */
export async function makeFixture(db: () => Db, people: People): Promise<Fx> {
  const s = (await makeService(db())).id;
  const rows = await db()
    .insert(serviceMembers)
    .values([
      { serviceId: s, memberId: people.agent.id, role: 'agent', canTransfer: true, selfControl: true },
      { serviceId: s, memberId: people.noTransfer.id, role: 'agent', canTransfer: false, selfControl: true },
      { serviceId: s, memberId: people.serviceAdmin.id, role: 'admin', canTransfer: true, selfControl: true },
    ])
    .returning();
  const target = await makeAgent(db(), s, 'agent');
  const group = await makeGroup(db(), s, `그룹 ${hex()}`, [rows[0].id]);
  const [intake, processing] = await db()
    .insert(categories)
    .values([
      { serviceId: s, kind: 'intake', path: `/${randomUUID()}/`, depth: 1, name: '문의', names: { ko: '문의' } },
      { serviceId: s, kind: 'processing', path: `/${randomUUID()}/`, depth: 1, name: '처리' },
    ])
    .returning();
  const ticket = await makeTicket(db(), s, { requesterEmail: 'customer@example.com' });
  const [template] = await db()
    .insert(templates)
    .values({ serviceId: s, title: '인사', content: '안녕하세요', createdBy: people.serviceAdmin.id })
    .returning();
  const [trigger] = await db()
    .insert(triggers)
    .values({ serviceId: s, title: '꺼진 트리거', active: false, conditions: [], results: [] })
    .returning();
  const [word] = await db().insert(bannedWords).values({ serviceId: s, word: '바보', matchKey: '바보' }).returning();
  const [phone] = await db()
    .select()
    .from(fields)
    .where(eq(fields.serviceId, s))
    .then((fs) => fs.filter((f) => f.code === 'phone'));
  const [delivery] = await db()
    .insert(triggerDeliveries)
    .values({
      serviceId: s,
      triggerId: trigger.id,
      triggerTitle: trigger.title,
      ticketId: ticket.id,
      kind: 'callback',
      target: 'example.com',
      request: {},
      status: 'dead',
    })
    .returning();
  const [replyDelivery] = await db()
    .insert(triggerDeliveries)
    .values({
      serviceId: s,
      ticketId: ticket.id,
      triggerTitle: '',
      kind: 'reply_mail',
      target: 'customer',
      request: {},
      status: 'dead',
    })
    .returning();
  // Its sealed password is not one: 연결 테스트 answers "failed" without reaching any server.
  const [mailAccount] = await db()
    .insert(mailAccounts)
    .values({ serviceId: s, host: 'imap.example.com', username: 'cs@example.com', passwordSealed: 'x' })
    .returning();
  const [attachment] = await saveAttachments(db(), s, ticket.id, null, [
    { fileName: 'a.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.7') },
  ]);
  const [project] = await db()
    .insert(doorayProjects)
    .values({ serviceId: s, name: '프로젝트', address: 'https://nhn.dooray.com/project/1', doorayProjectId: '1' })
    .returning();
  const [apiKey] = await db().insert(apiKeys).values({ serviceId: s, sealed: 'x', hint: 'abcd' }).returning();
  const candidate = await makeMember(db());
  const invited = await makeMember(db(), { status: 'invited' });
  const [inviteDelivery] = await db()
    .insert(triggerDeliveries)
    .values({
      serviceId: null,
      triggerTitle: '',
      kind: 'invite_mail',
      target: `member:${invited.id}`,
      request: {},
      status: 'dead',
    })
    .returning();
  return {
    s,
    ticket,
    groupId: group.id,
    intakeId: intake.id,
    processingId: processing.id,
    templateId: template.id,
    triggerId: trigger.id,
    wordId: word.id,
    phoneFieldId: phone.id,
    deliveryId: delivery.id,
    replyDeliveryId: replyDelivery.id,
    mailAccountId: mailAccount.id,
    attachmentId: attachment.id,
    candidateId: candidate.id,
    doorayProjectId: project.id,
    apiKeyId: apiKey.id,
    invitedId: invited.id,
    inviteDeliveryId: inviteDelivery.id,
    agentRowId: target.agent.id,
    people,
  };
}

/** The callers, created once: an admin of another service, and members who get agent rows per fixture. */
export async function makePeople(db: () => Db): Promise<People> {
  const otherService = (await makeService(db())).id;
  const other = await makeAgent(db(), otherService, 'admin', { canTransfer: true, selfControl: true });
  return {
    otherService: other.member,
    agent: await makeMember(db()),
    noTransfer: await makeMember(db()),
    serviceAdmin: await makeMember(db()),
    orgAdmin: await makeMember(db(), { isOrgAdmin: true }),
  };
}
