import { and, eq, inArray, lte, or, isNull, lt, sql } from 'drizzle-orm';
import {
  disabledEndpoints,
  PRODUCT_MAIL_KINDS,
  triggerDeliveries,
  triggerDeliveryAttempts,
  type TriggerDelivery,
} from '@/db/schema';
import type { Db, Tx } from '@/db';
import { composeQueuedMail } from '@/lib/mail/compose-queued';
import { deliveryMessageId } from '@/lib/mail/domain';
import { sendMail } from '@/lib/mail/send';
import { serviceSender, type ServiceSender } from '@/lib/mail/sender';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
import { loadTicket } from '@/lib/tickets/snapshot';
import { OutboundBlockedError, safeFetch, type SafeResponse } from '@/lib/net/safe-fetch';
import { attemptChannel, isChannelKind } from '@/lib/channels/deliver';
import type { HttpRequest, MailRequest } from './build';
import { openEndpointUrl } from '../endpoint-url';
import { completeAfterForward } from './complete-after-forward';
import { enqueueDelivery } from './queue';
import { webhookSecret } from './secret';
import { signedPost } from './signed-post';

/** About 3 days of backoff: 30 s doubling to a 6 h ceiling, 21 attempts in all. */
export const MAX_ATTEMPTS = 21;
const BASE_MS = 30_000;
const CEILING_MS = 6 * 3600_000;
const RETRY_AFTER_CAP_MS = 3600_000;
const LEASE_MS = 45_000;
/** The product's own mails (not trigger effects), rendered by lib/mail/compose-queued.ts. */
const PRODUCT_MAILS = new Set<string>(PRODUCT_MAIL_KINDS);

/** The delay before attempt `n + 1` after `n` failures, with jitter (50–100 %). */
export function backoffMs(failures: number, rand: () => number = Math.random): number {
  const exp = Math.min(CEILING_MS, BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + rand() / 2));
}

/** A `Retry-After` header (seconds or an HTTP date) in ms, capped; null when absent or unusable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return null;
  const secs = /^\d+$/.test(v.trim()) ? Number(v) * 1000 : Date.parse(v) - now;
  if (!Number.isFinite(secs) || secs < 0) return null;
  return Math.min(secs, RETRY_AFTER_CAP_MS);
}

type AttemptResult = {
  ok: boolean;
  status: number | null;
  errorClass: string | null;
  response: string | null;
  latencyMs: number;
  gone?: boolean;
  retryAfter?: number | null;
  permanent?: boolean;
};

function fromResponse(res: SafeResponse): AttemptResult {
  const ok = res.status >= 200 && res.status < 300;
  return {
    ok,
    status: res.status,
    errorClass: ok ? null : res.status >= 300 && res.status < 400 ? 'redirect' : `http_${res.status}`,
    response: res.body.slice(0, 4096),
    latencyMs: res.latencyMs,
    gone: res.status === 410,
    retryAfter: retryAfterMs(res.headers['retry-after']),
  };
}

/** A service's 발신 정보, read once per batch of deliveries. */
type SenderOf = (serviceId: string) => Promise<ServiceSender>;

function senderMemo(db: Db): SenderOf {
  const seen = new Map<string, Promise<ServiceSender>>();
  return (serviceId) => {
    let p = seen.get(serviceId);
    if (!p) {
      p = serviceSender(db, serviceId);
      seen.set(serviceId, p);
      p.catch(() => seen.delete(serviceId));
    }
    return p;
  };
}

async function send(db: Db, d: TriggerDelivery, senderOf: SenderOf): Promise<AttemptResult> {
  // Dooray 이관/코멘트 and SMS: their own senders (lib/channels/deliver.ts).
  if (isChannelKind(d.kind)) return attemptChannel(db, d);
  const started = Date.now();
  try {
    if (PRODUCT_MAILS.has(d.kind)) {
      const mail = await composeQueuedMail(db, d, senderOf);
      if (mail) await sendMail(mail);
      return {
        ok: true,
        status: null,
        errorClass: null,
        response: mail ? null : 'nothing_to_send',
        latencyMs: Date.now() - started,
      };
    }
    if (!d.serviceId) return { ok: false, status: null, errorClass: 'no_service', response: null, latencyMs: 0 };
    if (d.kind === 'callback' || d.kind === 'dooray') {
      const r = d.request as unknown as HttpRequest;
      // Opened only here, to send; never logged.
      const url = openEndpointUrl(d.serviceId, r.urlSealed);
      if (!url)
        return { ok: false, status: null, errorClass: 'url_unreadable', response: null, latencyMs: 0, permanent: true };
      if (d.kind === 'callback')
        return fromResponse(await signedPost(url, d.id, await webhookSecret(db, d.serviceId), r.body));
      return fromResponse(
        await safeFetch(url, {
          method: 'POST',
          body: JSON.stringify(r.body),
          headers: { 'content-type': 'application/json' },
        }),
      );
    }
    const m = d.request as unknown as MailRequest;
    let { subject, text, html } = m;
    if (m.template) {
      // A mail to the customer: rendered now, with their own encrypted fields, never stored.
      if (!d.ticketId) return { ok: false, status: null, errorClass: 'ticket_gone', response: null, latencyMs: 0 };
      const { snapshot: ticket } = await loadTicket(db, d.serviceId, d.ticketId);
      const v = await substitutionValues(db, ticket, { audience: 'customer' });
      subject = renderCodes(m.template.subject, v, { html: false });
      const body = m.template.html
        ? sanitizeRichHtml(renderCodes(m.template.body, v, { html: true }))
        : renderCodes(m.template.body, v, { html: false });
      text = m.template.html ? htmlToMailText(body) : body;
      html = m.template.html ? body : undefined;
    }
    // Sent alone (no mail layout, SPEC §6), as the service's sender, marked automatic so receivers do not auto-reply (RFC 3834).
    const sender = await senderOf(d.serviceId);
    await sendMail({
      to: m.to,
      from: sender.from,
      replyTo: m.audience === 'customer' ? sender.replyTo : undefined,
      subject,
      text,
      html,
      messageId: deliveryMessageId(d.id),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return { ok: true, status: null, errorClass: null, response: null, latencyMs: Date.now() - started };
  } catch (err) {
    const errorClass =
      err instanceof OutboundBlockedError
        ? `blocked_${err.reason}`
        : err instanceof Error
          ? ((err as NodeJS.ErrnoException).code ?? (err.message === 'timeout' ? 'timeout' : err.name))
          : 'error';
    return { ok: false, status: null, errorClass, response: null, latencyMs: Date.now() - started };
  }
}

/**
 * Makes one attempt of a delivery, if it is pending, due and not claimed by another worker.
 * Records the attempt, then: 2xx → delivered; 410 → disabled (and the endpoint with it);
 * anything else → the next attempt is scheduled (Retry-After honoured, capped), or the
 * delivery is dead after MAX_ATTEMPTS. Returns false when there was nothing to do.
 */
export async function attemptDelivery(db: Db, deliveryId: string): Promise<boolean> {
  return (await attemptDeliveries(db, [deliveryId])) > 0;
}

/**
 * attemptDelivery for a batch (the worker's fetch of jobs): the due ones are claimed in one
 * statement, sent side by side (each service's 발신 정보 read once), and the sent ones recorded
 * in one transaction (their attempts in one insert, delivered in one update); failures and
 * forwards that complete a ticket are recorded one by one as before. Returns how many were attempted.
 */
export async function attemptDeliveries(db: Db, deliveryIds: readonly string[]): Promise<number> {
  const ids = [...new Set(deliveryIds)];
  if (!ids.length) return 0;
  const claimed = await db
    .update(triggerDeliveries)
    .set({ leaseUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
    .where(
      and(
        ids.length === 1 ? eq(triggerDeliveries.id, ids[0]) : inArray(triggerDeliveries.id, ids),
        eq(triggerDeliveries.status, 'pending'),
        lte(triggerDeliveries.nextAttemptAt, sql`now() + interval '2 seconds'`),
        or(isNull(triggerDeliveries.leaseUntil), lt(triggerDeliveries.leaseUntil, sql`now()`)),
      ),
    )
    .returning();
  if (!claimed.length) return 0;
  const senderOf = senderMemo(db);
  const results = await Promise.all(claimed.map(async (d) => ({ d, r: await send(db, d, senderOf) })));
  const sent = results.filter(({ d, r }) => r.ok && !(d.request as unknown as MailRequest).completeTicket);
  const rest = results.filter((x) => !sent.includes(x));
  if (sent.length)
    await db.transaction(async (tx) => {
      await tx.insert(triggerDeliveryAttempts).values(
        sent.map(({ d, r }) => ({
          deliveryId: d.id,
          serviceId: d.serviceId,
          httpStatus: r.status,
          latencyMs: r.latencyMs,
          errorClass: r.errorClass,
          response: r.response,
        })),
      );
      const now = new Date();
      await tx
        .update(triggerDeliveries)
        .set({
          status: 'delivered',
          attempts: sql`${triggerDeliveries.attempts} + 1`,
          deliveredAt: now,
          leaseUntil: null,
          updatedAt: now,
        })
        .where(
          inArray(
            triggerDeliveries.id,
            sent.map(({ d }) => d.id),
          ),
        );
    });
  for (const { d, r } of rest) await db.transaction((tx) => recordAttempt(tx, d, r));
  return claimed.length;
}

async function recordAttempt(tx: Tx, d: TriggerDelivery, r: AttemptResult): Promise<void> {
  await tx.insert(triggerDeliveryAttempts).values({
    deliveryId: d.id,
    serviceId: d.serviceId,
    httpStatus: r.status,
    latencyMs: r.latencyMs,
    errorClass: r.errorClass,
    response: r.response,
  });
  const attempts = d.attempts + 1;
  if (r.ok) {
    await tx
      .update(triggerDeliveries)
      .set({ status: 'delivered', attempts, deliveredAt: new Date(), leaseUntil: null, updatedAt: new Date() })
      .where(eq(triggerDeliveries.id, d.id));
    if ((d.request as unknown as MailRequest).completeTicket) await completeAfterForward(tx, d);
    return;
  }
  if (r.gone) {
    await tx
      .update(triggerDeliveries)
      .set({ status: 'disabled', attempts, leaseUntil: null, updatedAt: new Date() })
      .where(eq(triggerDeliveries.id, d.id));
    const key = (d.request as { urlKey?: string }).urlKey;
    if (key && d.serviceId)
      await tx.insert(disabledEndpoints).values({ serviceId: d.serviceId, url: key }).onConflictDoNothing();
    return;
  }
  if (attempts >= MAX_ATTEMPTS || r.permanent) {
    await tx
      .update(triggerDeliveries)
      .set({ status: 'dead', attempts, leaseUntil: null, updatedAt: new Date() })
      .where(eq(triggerDeliveries.id, d.id));
    return;
  }
  const next = new Date(Date.now() + (r.retryAfter ?? backoffMs(attempts)));
  await tx
    .update(triggerDeliveries)
    .set({ attempts, nextAttemptAt: next, leaseUntil: null, updatedAt: new Date() })
    .where(eq(triggerDeliveries.id, d.id));
  await enqueueDelivery(tx, d.id, next);
}

/** Enqueues due pending deliveries whose job was lost (a killed worker, a queue created late). */
export async function sweepDeliveries(db: Db): Promise<number> {
  const due = await db
    .select({ id: triggerDeliveries.id })
    .from(triggerDeliveries)
    .where(
      and(
        eq(triggerDeliveries.status, 'pending'),
        lt(triggerDeliveries.nextAttemptAt, sql`now() - interval '30 seconds'`),
        or(isNull(triggerDeliveries.leaseUntil), lt(triggerDeliveries.leaseUntil, sql`now()`)),
      ),
    )
    .limit(500);
  for (const d of due) await enqueueDelivery(db, d.id);
  return due.length;
}
