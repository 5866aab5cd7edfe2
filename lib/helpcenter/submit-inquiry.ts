import 'server-only';
import { lt } from 'drizzle-orm';
import { helpcenterFormTokens, type Field } from '@/db/schema';
import { cleanFileName, checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@/lib/attachments/limits';
import { formFiles, hasStrayFiles } from '@/lib/attachments/form-files';
import type { UploadedFile } from '@/lib/attachments/save';
import type { Db } from '@/db';
import { AppError, NotFoundError, ValidationError, type FieldErrorRefs, type MessageRef } from '@/lib/errors';
import { resolveLayout } from '@/lib/field-layouts/resolve-layout';
import { validateTicketFields } from '@/lib/field-layouts/validate-ticket-fields';
import { collectFieldValues, inputName } from '@/lib/fields/form-values';
import { appUrl } from '@/lib/app-url';
import type { Translate } from '@/lib/i18n/messages';
import { hitRateLimit } from '@/lib/rate-limit/hit';
import { createTicket } from '@/lib/tickets/create-ticket';
import { helpcenterChannel } from './channel';
import { confirmationAllowed, enqueueConfirmation, type ConfirmationState } from './confirmation-mail';
import { inquiryFormSchema, mailAddress } from './schemas';
import { flattenTree, loadHelpcenter, offeredIntakeTypes } from './site';
import { checkFormToken, FORM_TOKEN_SECONDS, issueFormToken, issueReceipt } from './tokens';

/** Submissions per client IP and window (SPEC §3: no automated floods); HELPCENTER_SUBMIT_LIMIT overrides the count. */
export const SUBMIT_LIMIT = { limit: Number(process.env.HELPCENTER_SUBMIT_LIMIT) || 10, windowSeconds: 600 };

export type InquiryClient = { ip: string | null; userAgent: string | null };

export type SubmitInquiryResult =
  | { ok: true; ticketId: string; number: number; receipt: string; mail: ConfirmationState | 'none' }
  | {
      ok: false;
      /** Message keys, put in the customer's language by the caller (inquiryRefusalText). */
      error: MessageRef;
      fieldErrors: FieldErrorRefs;
      /** What was typed, so the form comes back filled in (files cannot be). */
      values: Record<string, unknown>;
      /** A fresh form token when the old one expired while the customer was typing. */
      token?: string;
    };

class Replayed extends AppError {
  constructor() {
    super('helpcenter.errors.replayed');
  }
}

const refusal = (
  key: string,
  params?: MessageRef['params'],
  fieldErrors: FieldErrorRefs = {},
  values: Record<string, unknown> = {},
  token?: string,
): SubmitInquiryResult => ({ ok: false, error: { key, params }, fieldErrors, values, token });

/** The layout's file fields' uploads, checked one by one (size before reading a byte); a file's message names it (`file`). */
async function checkFiles(form: FormData, fileFields: Field[]) {
  const files: UploadedFile[] = [];
  const errors: FieldErrorRefs = {};
  const named = new Set(fileFields.map((f) => inputName(f.code)));
  let count = 0;
  for (const f of fileFields) {
    const list = formFiles(form, inputName(f.code));
    const errs: MessageRef[] = [];
    if (f.required && !list.length) errs.push({ key: 'validation.required' });
    for (const file of list) {
      if (++count > MAX_ATTACHMENTS) {
        errs.push({ key: 'attachment.tooMany', params: { max: MAX_ATTACHMENTS } });
        break;
      }
      const label = cleanFileName(file.name);
      if (file.size > MAX_ATTACHMENT_BYTES) {
        errs.push({ key: 'attachment.tooLarge', params: { file: label } });
        continue;
      }
      const data = Buffer.from(await file.arrayBuffer());
      const c = checkAttachment(file.name, data);
      if (c.ok) files.push({ fileName: c.fileName, contentType: c.contentType, data });
      else errs.push({ key: c.error, params: { file: label } });
    }
    if (errs.length) errors[f.code] = errs;
  }
  // A file under any other name was not offered by this form: refuse rather than drop it.
  const stray = hasStrayFiles(form, named);
  return { files, errors, stray };
}

/**
 * A customer's inquiry from the help center (SPEC §3) → a ticket. Checks, in order: the
 * per-IP rate limit, the signed single-use form token, the intake type (active, of this
 * service), every field against the chosen type's layout (inherited where it has none), and
 * the attachments; then one transaction burns the token and creates the ticket, so a refusal
 * or a replay writes nothing. The confirmation mail is queued in that transaction.
 */
export async function submitInquiry(
  ctx: { db: Db; client: InquiryClient },
  input: { serviceId: string; lang: string; form: FormData },
): Promise<SubmitInquiryResult> {
  const { db } = ctx;
  const hc = await loadHelpcenter(db, input.serviceId, input.lang);
  if (!hc) throw new NotFoundError();
  const sid = hc.service.id;
  const ip = ctx.client.ip ?? 'unknown';

  const rate = await hitRateLimit(db, { key: `hc:submit:ip:${ip}`, ...SUBMIT_LIMIT });
  if (!rate.ok)
    return refusal('helpcenter.errors.rateLimited', { minutes: Math.max(1, Math.ceil(rate.retryAfterSeconds / 60)) });

  const hidden = inquiryFormSchema.safeParse({
    _token: input.form.get('_token') ?? undefined,
    'f.category': input.form.get('f.category') ?? undefined,
  });
  if (!hidden.success) return refusal('helpcenter.errors.tokenInvalid');
  const token = checkFormToken(sid, hidden.data._token);
  if (token.verdict === 'invalid' || !token.id) return refusal('helpcenter.errors.tokenInvalid');

  const categoryId = hidden.data['f.category'] ?? '';
  const intake = flattenTree(await offeredIntakeTypes(db, sid, hc.lang)).find((n) => n.id === categoryId);
  if (!intake) return refusal('validation.form', undefined, { category: [{ key: 'validation.categoryUnknown' }] });

  const layout = await resolveLayout(db, sid, 'customer', intake.id);
  const shown = layout.fields.filter((f) => f.visible);
  const values = collectFieldValues(input.form, shown);
  values.category = intake.id;
  const checked = await validateTicketFields(db, sid, 'customer', intake.id, values);
  const fieldErrors: FieldErrorRefs = { ...checked.errors };
  const mail = typeof checked.values.mail === 'string' ? checked.values.mail : null;
  if (mail && !fieldErrors.mail && !mailAddress.safeParse(mail).success)
    fieldErrors.mail = [{ key: 'validation.email' }];
  const uploads = await checkFiles(
    input.form,
    shown.filter((f) => f.type === 'file'),
  );
  Object.assign(fieldErrors, uploads.errors);

  if (token.verdict === 'expired')
    return refusal('helpcenter.errors.tokenExpired', undefined, fieldErrors, values, issueFormToken(sid));
  if (uploads.stray) return refusal('helpcenter.errors.unexpectedFile', undefined, fieldErrors, values);
  if (Object.keys(fieldErrors).length) return refusal('validation.form', undefined, fieldErrors, values);

  const name = typeof checked.values.name === 'string' ? checked.values.name : mail;
  // Counted before the transaction (no limiter row held to commit); a refused ticket still used one.
  const mailState: ConfirmationState | 'none' = mail
    ? (await confirmationAllowed(db, mail, ip).catch(() => false))
      ? 'sent'
      : 'limited'
    : 'none';
  let created;
  try {
    created = await db.transaction(async (tx) => {
      // The token's primary key makes the form single-use, also against two posts at once.
      const burnt = await tx
        .insert(helpcenterFormTokens)
        .values({ id: token.id!, serviceId: sid })
        .onConflictDoNothing()
        .returning({ id: helpcenterFormTokens.id });
      if (!burnt.length) throw new Replayed();
      const made = await createTicket(tx, {
        serviceId: sid,
        channel: helpcenterChannel(ctx.client.userAgent),
        language: hc.lang,
        subject: typeof checked.values.subject === 'string' ? checked.values.subject : '',
        content: typeof checked.values.content === 'string' ? checked.values.content : '',
        intakeTypeId: intake.id,
        entries: checked.entries,
        files: uploads.files,
        actor: { type: 'customer', name },
      });
      const receipt = issueReceipt(sid, made.snapshot.id);
      if (mail && mailState === 'sent') {
        await enqueueConfirmation(tx, {
          serviceId: sid,
          ticketId: made.snapshot.id,
          to: mail,
          locale: hc.locale,
          serviceName: hc.service.name,
          number: made.snapshot.number,
          subject: made.snapshot.subject,
          link: `${appUrl()}/${sid}/hc/${hc.lang}/done?r=${receipt}`,
        });
      }
      return { ...made, receipt };
    });
  } catch (err) {
    if (err instanceof Replayed) return refusal(err.key);
    if (err instanceof ValidationError) return refusal(err.key, err.params, err.fieldErrors, values);
    throw err;
  }
  const { snapshot } = created;
  // Used tokens only matter while they could still verify; sweep the expired ones now and then.
  if (Math.random() < 0.02)
    await db
      .delete(helpcenterFormTokens)
      .where(lt(helpcenterFormTokens.usedAt, new Date(Date.now() - 2 * FORM_TOKEN_SECONDS * 1000)));

  const { receipt } = created;
  const sent = mailState;
  return { ok: true, ticketId: snapshot.id, number: snapshot.number, receipt, mail: sent };
}

export type InquiryRefusal = Extract<SubmitInquiryResult, { ok: false }>;

/** A refusal in the customer's language (`t`); a message about one attached file starts with its name. */
export function inquiryRefusalText(t: Translate, r: InquiryRefusal) {
  const text = (m: MessageRef) =>
    m.params?.file !== undefined ? `${m.params.file}: ${t(m.key, m.params)}` : t(m.key, m.params);
  return {
    ...r,
    error: text(r.error),
    fieldErrors: Object.fromEntries(Object.entries(r.fieldErrors).map(([f, list]) => [f, list.map(text)])),
  };
}
