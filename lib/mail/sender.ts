import { and, eq } from 'drizzle-orm';
import { mailAccounts, mailLayouts, mailSettings, services, type MailLayoutEvent } from '@/db/schema';
import type { Queryable } from '@/db';
import addressparser from 'nodemailer/lib/addressparser';
import { mailDomain, representativeAddress } from './domain';

/** The deployment's sending address: MAIL_FROM_ADDRESS, else MAIL_FROM's address, else no-reply@MAIL_DOMAIN. */
export function senderAddress(): string {
  if (process.env.MAIL_FROM_ADDRESS) return process.env.MAIL_FROM_ADDRESS;
  const parsed = process.env.MAIL_FROM ? addressparser(process.env.MAIL_FROM, { flatten: true })[0] : undefined;
  return parsed?.address || `no-reply@${mailDomain()}`;
}

/** What every outgoing mail of a service is sent as: From, Reply-To, and whether a reply by mail comes back in. */
export type ServiceSender = {
  serviceName: string;
  from: { name: string; address: string };
  replyTo?: string;
  repliesArrive: boolean;
  editorHtml: boolean;
  languages: string[];
};

/**
 * The service's 발신 정보 (or its name over the deployment's address; the name goes through
 * nodemailer's own encoding, never by hand), the Reply-To that
 * reaches its representative account when there is one, and whether replying by mail works at all
 * (a representative account, or an active external account the sender address is read from).
 */
export async function serviceSender(db: Queryable, serviceId: string): Promise<ServiceSender> {
  const [row] = await db
    .select({
      name: services.name,
      editorType: services.editorType,
      languages: services.languages,
      senderName: mailSettings.senderName,
      senderAddress: mailSettings.senderAddress,
    })
    .from(services)
    .leftJoin(mailSettings, eq(mailSettings.serviceId, services.id))
    .where(eq(services.id, serviceId));
  const name = row?.senderName || row?.name || 'Contact Desk';
  const address = row?.senderAddress || senderAddress();
  const rep = representativeAddress(serviceId);
  let repliesArrive = Boolean(rep);
  if (!rep && row?.senderAddress) {
    const [acct] = await db
      .select({ id: mailAccounts.id })
      .from(mailAccounts)
      .where(and(eq(mailAccounts.serviceId, serviceId), eq(mailAccounts.active, true)))
      .limit(1);
    repliesArrive = Boolean(acct);
  }
  return {
    serviceName: row?.name ?? serviceId,
    from: { name: name.replace(/[\r\n]+/g, ' ').trim(), address },
    replyTo: rep ?? undefined,
    repliesArrive,
    editorHtml: row?.editorType !== 'text',
    languages: row?.languages ?? [],
  };
}

/** The saved layout of an event in a language (falling back to the service's first language), or null. */
export async function findLayout(
  db: Queryable,
  serviceId: string,
  event: MailLayoutEvent,
  lang: string,
  languages: string[],
): Promise<string | null> {
  const rows = await db
    .select({ lang: mailLayouts.lang, body: mailLayouts.body })
    .from(mailLayouts)
    .where(and(eq(mailLayouts.serviceId, serviceId), eq(mailLayouts.event, event)));
  return (rows.find((r) => r.lang === lang) ?? rows.find((r) => r.lang === languages[0]))?.body ?? null;
}
