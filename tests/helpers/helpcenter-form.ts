import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  categories,
  fieldLayouts,
  fields,
  helpcenterFormTokens,
  ticketAttachments,
  ticketFieldValues,
  ticketMessages,
  tickets,
} from '@/db/schema';
import { inquiryRefusalText, submitInquiry } from '@/lib/helpcenter/submit-inquiry';
import { helpcenterTranslator } from '@/lib/i18n/helpcenter';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { makeService } from './factories';

/** Points MAIL_DIR and ATTACHMENTS_DIR into a fresh temporary folder, SMTP off. */
export function helpcenterTmpDirs() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-hc-'));
  process.env.MAIL_DIR = path.join(tmp, 'mail');
  process.env.ATTACHMENTS_DIR = path.join(tmp, 'files');
  delete process.env.SMTP_URL;
}

export const DESKTOP =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
export const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

let ipSeq = 0;
/** A client IP no earlier post of this file used. */
export const freshIp = () => `198.51.100.${++ipSeq}`;

type Entry = string | string[] | File | File[];
/** The help-center form for `categoryId`, filled in validly apart from the type's own fields. */
export function form(serviceId: string, categoryId: string, over: Record<string, Entry | undefined> = {}): FormData {
  const base: Record<string, Entry | undefined> = {
    _token: issueFormToken(serviceId),
    'f.category': categoryId,
    'f.subject': '결제 취소 문의',
    'f.content': '어제 결제한 주문을 취소하고 싶습니다.',
    'f.name': '홍길동',
    'f.mail': '',
    'f.personalAgree': 'true',
    ...over,
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  }
  return fd;
}

// The refusal as the form shows it: the action puts its message keys in the page's language.
async function submitTo(db: Db, serviceId: string, fd: FormData, client: { ip?: string; userAgent?: string } = {}) {
  const r = await submitInquiry(
    { db, client: { ip: client.ip ?? freshIp(), userAgent: client.userAgent ?? DESKTOP } },
    { serviceId, lang: 'ko', form: fd },
  );
  return r.ok ? r : inquiryRefusalText(helpcenterTranslator('ko'), r);
}
export type SubmitInquiryResult = Awaited<ReturnType<typeof submitTo>>;

export const NOTHING = { tickets: 0, messages: 0, attachments: 0, values: 0, tokens: 0 };

/** The refusal `r` is, or a thrown error naming the ticket it filed instead. */
export function refused(r: SubmitInquiryResult) {
  if (r.ok) throw new Error(`expected a refusal, got ticket ${r.number}`);
  return r;
}

/** A small PDF upload. */
export const pdf = (name = '영수증.pdf', bytes = 2048) =>
  new File([Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes)])], name, { type: 'application/pdf' });

/** Services with intake types and layouts to post the help-center form to, in the db `db` gives. */
export function helpcenterForm(db: () => Db) {
  async function category(
    serviceId: string,
    name: string,
    parent: { id: string; path: string } | null = null,
    active = true,
  ) {
    const id = randomUUID();
    const p = `${parent?.path ?? '/'}${id}/`;
    const [row] = await db()
      .insert(categories)
      .values({
        id,
        serviceId,
        kind: 'intake',
        parentId: parent?.id ?? null,
        path: p,
        depth: p.split('/').length - 2,
        name,
        names: { ko: name },
        active,
      })
      .returning();
    return row;
  }
  /** A service with 결제 (own layout adding a required 결제수단 dropdown and a 결제일 date) › 환불 (inherits), and an inactive type. */
  async function setup() {
    const s = await makeService(db());
    const pay = await category(s.id, '결제');
    const refund = await category(s.id, '환불', pay);
    const off = await category(s.id, '비활성', null, false);
    const underOff = await category(s.id, '비활성하위', off);
    const [method] = await db()
      .insert(fields)
      .values({
        serviceId: s.id,
        audience: 'customer',
        code: 'payMethod',
        type: 'dropdown',
        names: { ko: '결제수단' },
        required: true,
        options: [
          { value: 'card', labels: { ko: '카드' } },
          { value: 'bank', labels: { ko: '계좌이체' } },
        ],
      })
      .returning();
    const [paidOn] = await db()
      .insert(fields)
      .values({ serviceId: s.id, audience: 'customer', code: 'paidOn', type: 'date', names: { ko: '결제일' } })
      .returning();
    const system = await db().select().from(fields).where(eq(fields.serviceId, s.id));
    const id = (code: string) => system.find((f) => f.code === code)!.id;
    const order = ['category', 'subject', 'content', 'name', 'mail', 'attachment'].map(id);
    await db()
      .insert(fieldLayouts)
      .values({
        serviceId: s.id,
        audience: 'customer',
        intakeTypeId: pay.id,
        fieldIds: [...order, method.id, paidOn.id, id('personalAgree')],
      });
    return { s, pay, refund, off, underOff };
  }

  const submit = (serviceId: string, fd: FormData, client: { ip?: string; userAgent?: string } = {}) =>
    submitTo(db(), serviceId, fd, client);

  /** How many rows of each kind the service holds. */
  async function rows(serviceId: string) {
    const n = async (
      t:
        | typeof tickets
        | typeof ticketMessages
        | typeof ticketAttachments
        | typeof ticketFieldValues
        | typeof helpcenterFormTokens,
    ) => (await db().select({ n: count() }).from(t).where(eq(t.serviceId, serviceId)))[0].n;
    return {
      tickets: await n(tickets),
      messages: await n(ticketMessages),
      attachments: await n(ticketAttachments),
      values: await n(ticketFieldValues),
      tokens: await n(helpcenterFormTokens),
    };
  }

  return { setup, submit, rows };
}
