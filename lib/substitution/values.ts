import { and, eq, inArray } from 'drizzle-orm';
import { categories, fields, groups, members } from '@/db/schema';
import type { Queryable } from '@/db';
import { readAll } from '@/db/read-all';
import { displayFieldValue } from '@/lib/fields/display';
import { isLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format-date';
import { appTimeZone } from '@/lib/tickets/time-zone';
import { translator } from '@/lib/i18n/messages';
import { appUrl } from '@/lib/app-url';
import { readFieldValues, shownFieldValues } from '@/lib/pii/read-field-values';
import type { FieldValueEntry } from '@/lib/pii/write-field-values';
import { cachedCategory, cachedNames, cachedOptionFields } from '@/lib/services/config-reads';
import type { ServiceConfig } from '@/lib/services/config';
import type { TicketSnapshot } from '@/lib/tickets/types';
import { META_CODES } from './render';

/** Every code a service's texts may use: its field codes (system and custom) and the ticket facts. */
export async function knownCodes(db: Queryable, serviceId: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: fields.code, type: fields.type })
    .from(fields)
    .where(eq(fields.serviceId, serviceId));
  return new Set([...META_CODES, ...rows.filter((r) => r.type !== 'caption' && r.type !== 'file').map((r) => r.code)]);
}

/** The reads of `substitutionValues` through the service configuration's memo: only the ticket's own field values are read each time. */
async function cachedReads(
  db: Queryable,
  config: ServiceConfig,
  ticket: TicketSnapshot,
  catIds: string[],
  audience: 'customer' | 'agent',
  written?: readonly FieldValueEntry[],
) {
  const cats = (
    await readAll(
      db,
      catIds.map((id) => () => cachedCategory(config, db, id)),
    )
  ).filter((c) => c !== null);
  const people = ticket.assigneeId
    ? [...(await cachedNames(config, db, 'member', [ticket.assigneeId])).values()].map((name) => ({ name }))
    : [];
  const grp = ticket.groupId
    ? [...(await cachedNames(config, db, 'group', [ticket.groupId])).values()].map((name) => ({ name }))
    : [];
  const stored = await storedValues(db, ticket, audience, written);
  return [cats, people, grp, stored, await cachedOptionFields(config, db)] as const;
}

/** The ticket's stored field values: read, or from the values a creation is writing (`written`). */
function storedValues(
  db: Queryable,
  ticket: TicketSnapshot,
  audience: 'customer' | 'agent',
  written?: readonly FieldValueEntry[],
) {
  const reveal = audience === 'customer';
  return written
    ? Promise.resolve(shownFieldValues(written, { reveal }))
    : readFieldValues(db, ticket.serviceId, ticket.id, { reveal });
}

/**
 * The values of every code for one ticket. Encrypted field values are filled in only for
 * `audience: 'customer'` (a mail to the requester themself, SPEC §7); otherwise they stay empty,
 * or show `maskWith` (what an agent's own screen shows).
 * `reply` is `#{content}`, the text being sent; `#{inquiry}` is the ticket's inquiry.
 * `fieldValues`: every field value of a ticket being created (TicketChange.fieldValues), not read back.
 */
export async function substitutionValues(
  db: Queryable,
  ticket: TicketSnapshot,
  opts: {
    audience: 'customer' | 'agent';
    reply?: string;
    maskWith?: string;
    config?: ServiceConfig | null;
    fieldValues?: readonly FieldValueEntry[];
  },
): Promise<Record<string, string>> {
  const lang = isLocale(ticket.language) ? ticket.language : 'ko';
  const t = translator(lang);
  const catIds = [ticket.intakeTypeId, ticket.processingTypeId].filter((x): x is string => Boolean(x));
  const [cats, people, grp, stored, defs] = await (opts.config
    ? cachedReads(db, opts.config, ticket, catIds, opts.audience, opts.fieldValues)
    : readAll(db, [
        async () =>
          catIds.length
            ? db
                .select({ id: categories.id, name: categories.name, names: categories.names })
                .from(categories)
                .where(and(eq(categories.serviceId, ticket.serviceId), inArray(categories.id, catIds)))
            : [],
        async () =>
          ticket.assigneeId
            ? db.select({ name: members.name }).from(members).where(eq(members.id, ticket.assigneeId))
            : [],
        async () =>
          ticket.groupId
            ? db
                .select({ name: groups.name })
                .from(groups)
                .where(and(eq(groups.serviceId, ticket.serviceId), eq(groups.id, ticket.groupId)))
            : [],
        () => storedValues(db, ticket, opts.audience, opts.fieldValues),
        () =>
          db
            .select({ code: fields.code, type: fields.type, options: fields.options })
            .from(fields)
            .where(
              and(eq(fields.serviceId, ticket.serviceId), inArray(fields.type, ['dropdown', 'radio', 'checkbox'])),
            ),
      ]));
  const optionFields = new Map(defs.map((f) => [f.code, f]));
  const shown = { lang, defaultLang: lang, yes: t('tickets.yes'), no: t('tickets.no') };
  const catName = (id: string | null) => {
    const c = cats.find((x) => x.id === id);
    return c ? (c.names[ticket.language] ?? c.name) : '';
  };
  const values: Record<string, string> = {};
  for (const [code, v] of Object.entries(stored))
    values[code] = v.destroyed
      ? ''
      : v.masked
        ? (opts.maskWith ?? '')
        : displayFieldValue(optionFields.get(code), v.value, shown);
  const base = appUrl();
  Object.assign(values, {
    subject: ticket.subject,
    inquiry: ticket.content,
    content: opts.reply ?? '',
    category: catName(ticket.intakeTypeId),
    processingType: catName(ticket.processingTypeId),
    ticketNo: String(ticket.number),
    status: t(`tickets.status.${ticket.status}`),
    priority: t(`tickets.priority.${ticket.priority}`),
    assignee: people[0]?.name ?? '',
    group: grp[0]?.name ?? '',
    createdAt: formatDate(ticket.createdAt, { locale: lang, timeZone: appTimeZone() }),
    ticketUrl: `${base}/${ticket.serviceId}/tickets/${ticket.number}`,
    helpcenterUrl: `${base}/${ticket.serviceId}/hc/${ticket.language}`,
  });
  if (ticket.requesterName !== null) values.name = ticket.requesterName;
  if (ticket.requesterEmail !== null) values.mail = ticket.requesterEmail;
  if (ticket.requesterPhone !== null) values.phone = ticket.requesterPhone;
  return values;
}
