import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiTicketEndUsers, apiUploads, ticketAttachments, type Field } from '@/db/schema';
import type { Db } from '@/db';
import { insertSql } from '@/db/plain-sql';
import { ValidationError } from '@/lib/errors';
import { resolveLayout } from '@/lib/field-layouts/resolve-layout';
import { TREE_BACKED } from '@/lib/fields/system-fields';
import type { FieldValue } from '@/db/values';
import { validateFieldValues } from '@/lib/fields/validate-value';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { isUuid } from '@/lib/ids';
import { serviceConfig, type ServiceConfig } from '@/lib/services/config';
import { cachedCategory } from '@/lib/services/config-reads';
import { createTicket } from '@/lib/tickets/create-ticket';
import { ApiRefusal, RESULT } from './envelope';

const text = (max: number) => z.string().max(max);
const scalar = z.union([z.string().max(20_000), z.boolean(), z.number()]);
// Types are checked per field against the layout (so the error names the field), not here.
const fieldValue = z.union([scalar, z.array(scalar).max(100)]);

/** The create body of the original (integrations.md §1.10); codes of `userFields` are field codes. */
export const createBody = z.object({
  categoryId: z.union([text(100), z.number()]).optional(),
  subject: text(20_000).optional(),
  content: text(200_000).optional(),
  endUser: z
    .object({
      usercode: text(200).optional(),
      email: text(320).optional(),
      username: text(200).optional(),
      phone: text(100).optional(),
    })
    .optional(),
  attachments: z
    .array(z.object({ attachmentId: text(100) }))
    .max(5)
    .optional(),
  language: text(20).optional(),
  source: text(50).optional(),
  userFields: z
    .array(z.object({ code: text(100), value: fieldValue.nullable() }))
    .max(200)
    .optional(),
});

export type ValidationItem = {
  objectName: string;
  field: string | null;
  validate: 'invalid' | 'length' | 'required';
  key: string;
  message: string;
  rejectValue: unknown;
  description: string;
};

function kindOf(key: string): ValidationItem['validate'] {
  if (key === 'validation.required' || key === 'validation.field.mustAgree') return 'required';
  if (key === 'validation.tooLong') return 'length';
  return 'invalid';
}

function item(
  code: string,
  field: Field | undefined,
  key: string,
  description: string,
  rejectValue: unknown,
): ValidationItem {
  const validate = kindOf(key);
  const k = `validate.ticket.${code}.${validate}`;
  return {
    objectName: code,
    field: field?.id ?? null,
    validate,
    key: k,
    message: k,
    rejectValue: field?.encrypted ? '****' : rejectValue,
    description,
  };
}

const invalid = (contents: ValidationItem[]) => new ApiRefusal(RESULT.badRequest, 'Validation failed', { contents });

/**
 * 문의 접수 through the Open API: checks the body against the chosen intake type's customer
 * layout (unknown codes, wrong types, lengths, required fields, and the intake type being an
 * active one of this service), then one transaction: `createTicket` (channel `api`, so the
 * history and triggers run as for any intake) + the end user + pre-uploaded attachments.
 */
export async function createApiTicket(db: Db, serviceId: string, raw: unknown, known?: ServiceConfig) {
  const parsed = createBody.safeParse(raw);
  const lang0 = (raw as { language?: unknown } | null)?.language;
  const locale: Locale = isLocale(lang0) ? lang0 : 'ko';
  const t = translator(locale);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((i) =>
        item(
          String(i.path[0] ?? 'body'),
          undefined,
          'validation.invalid',
          `${i.path.join('.')}: ${t('validation.invalid')}`,
          null,
        ),
      ),
    );
  }
  const body = parsed.data;
  const categoryId = body.categoryId === undefined ? '' : String(body.categoryId);
  // The service's languages, the intake type (active, of this service) and its layout: one
  // statement (the configuration version), the rest from its memo while nothing changed.
  const config = known ?? (await serviceConfig(db, serviceId));
  if (!config) throw new ApiRefusal(RESULT.notFound, 'Not Found');
  const language = body.language ?? config.languages[0];
  if (!config.languages.includes(language))
    throw invalid([item('language', undefined, 'validation.invalid', t('validation.invalid'), body.language)]);
  if (!categoryId) throw invalid([item('category', undefined, 'validation.required', t('validation.required'), null)]);
  const found = isUuid(categoryId) ? await cachedCategory(config, db, categoryId) : null;
  if (!found || found.kind !== 'intake' || !found.active || found.deleted)
    throw invalid([
      item('category', undefined, 'validation.categoryUnknown', t('validation.categoryUnknown'), categoryId),
    ]);
  const cat = { id: found.id, path: found.path };

  const layout = await config.memo(`layout:customer:${cat.id}`, () => resolveLayout(db, serviceId, 'customer', cat.id));
  const byCode = new Map(layout.fields.filter((f) => f.visible).map((f) => [f.code, f]));
  const values: Record<string, unknown> = {
    subject: body.subject,
    content: body.content,
    name: body.endUser?.username,
    mail: body.endUser?.email,
    phone: body.endUser?.phone,
    category: cat.id,
  };
  const errors: ValidationItem[] = [];
  for (const uf of body.userFields ?? []) {
    const f = byCode.get(uf.code);
    if (!f || f.type === 'caption' || f.type === 'file' || f.code === 'category') {
      errors.push(
        item(uf.code, undefined, 'validation.invalid', t('openapi.unknownField', { code: uf.code }), uf.value),
      );
      continue;
    }
    values[uf.code] = typeof uf.value === 'number' ? String(uf.value) : uf.value;
  }
  const shown = layout.fields.filter((f) => f.visible && !TREE_BACKED.has(f.code));
  const checked = validateFieldValues(
    shown.map((f) => ({
      code: f.code,
      type: f.type,
      required: f.required,
      maxLength: f.maxLength,
      options: f.options,
    })),
    values,
  );
  for (const [code, refs] of Object.entries(checked.errors))
    errors.push(item(code, byCode.get(code), refs[0].key, refs.map((r) => t(r.key, r.params)).join(' '), values[code]));
  const entries = shown
    .filter((f) => checked.values[f.code] !== undefined)
    .map((f) => ({ field: f, value: checked.values[f.code] as FieldValue }));
  const uploadIds = [...new Set((body.attachments ?? []).map((a) => a.attachmentId))];
  const uploads = uploadIds.length
    ? await db
        .select()
        .from(apiUploads)
        .where(and(eq(apiUploads.serviceId, serviceId), inArray(apiUploads.id, uploadIds), isNull(apiUploads.usedAt)))
    : [];
  if (uploads.length !== uploadIds.length)
    errors.push(
      item(
        'attachment',
        byCode.get('attachment'),
        'validation.invalid',
        t('openapi.unknownAttachment'),
        uploadIds.filter((id) => !uploads.some((u) => u.id === id)),
      ),
    );
  if (errors.length) throw invalid(errors);

  const name = typeof checked.values.name === 'string' ? checked.values.name : (body.endUser?.usercode ?? null);
  try {
    return await db.transaction(async (tx) => {
      const created = await createTicket(tx, {
        serviceId,
        channel: 'api',
        language,
        subject: typeof checked.values.subject === 'string' ? checked.values.subject : '',
        content: typeof checked.values.content === 'string' ? checked.values.content : '',
        intakeTypeId: cat.id,
        intakeTypePath: cat.path,
        entries,
        config,
        // The end user's link joins the ticket's closing statement (one round trip less).
        writes: (t) =>
          body.endUser?.usercode
            ? [
                insertSql(apiTicketEndUsers, [
                  { ticketId: t.id, serviceId, usercode: body.endUser.usercode, number: t.number },
                ]),
              ]
            : [],
        actor: { type: 'customer', name },
      });
      const s = created.snapshot;
      let files: { attachmentId: string; fileName: string; size: number }[] = [];
      if (uploads.length) {
        // Claimed with a conditional update: two creates naming one upload cannot both get it.
        const claimed = await tx
          .update(apiUploads)
          .set({ usedAt: new Date() })
          .where(and(inArray(apiUploads.id, uploadIds), isNull(apiUploads.usedAt)))
          .returning({ id: apiUploads.id });
        if (claimed.length !== uploads.length)
          throw invalid([
            item(
              'attachment',
              byCode.get('attachment'),
              'validation.invalid',
              t('openapi.unknownAttachment'),
              uploadIds,
            ),
          ]);
        await tx.insert(ticketAttachments).values(
          uploads.map((u) => ({
            serviceId,
            ticketId: s.id,
            messageId: created.messageId,
            fileName: u.fileName,
            contentType: u.contentType,
            size: u.size,
            sha256: u.sha256,
            storageKey: u.storageKey,
          })),
        );
        files = uploads.map((u) => ({ attachmentId: u.id, fileName: u.fileName, size: u.size }));
      }
      return { snapshot: s, files };
    });
  } catch (err) {
    if (err instanceof ValidationError) {
      throw invalid(
        Object.entries(err.fieldErrors).map(([code, refs]) =>
          item(
            code,
            byCode.get(code),
            refs[0]?.key ?? 'validation.invalid',
            refs.map((r) => t(r.key, r.params)).join(' '),
            values[code],
          ),
        ),
      );
    }
    throw err;
  }
}
