import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { categories, templates, type TemplateScope } from '@/db/schema';
import type { Tx } from '@/db';
import { ValidationError, type FieldErrorRefs } from '@/lib/errors';
import { unknownCodes } from '@/lib/substitution/render';
import { knownCodes } from '@/lib/substitution/values';

type Draft = { scope: TemplateScope; content: string; searchCode: string; categoryIds: string[] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks what zod cannot: unknown substitution codes, links to live processing types of this
 * service only, and the search code's uniqueness among the templates each affected service sees
 * (a shared template is seen everywhere). Takes a transaction-wide advisory lock first, so two
 * saves cannot both claim one code. Collects every problem before throwing.
 */
export async function checkTemplateDraft(tx: Tx, serviceId: string, draft: Draft, selfId?: string): Promise<void> {
  const errors: FieldErrorRefs = {};
  const unknown = unknownCodes(draft.content, await knownCodes(tx, serviceId));
  if (unknown.length)
    errors.content = [{ key: 'templates.unknownCodes', params: { codes: unknown.map((c) => `#{${c}}`).join(', ') } }];

  const ids = draft.categoryIds;
  if (ids.length) {
    const bad = ids.some((id) => !UUID.test(id));
    const live = bad
      ? []
      : await tx
          .select({ id: categories.id })
          .from(categories)
          .where(
            and(
              eq(categories.serviceId, serviceId),
              eq(categories.kind, 'processing'),
              isNull(categories.deletedAt),
              inArray(categories.id, ids),
            ),
          );
    if (bad || live.length !== ids.length) errors.categoryIds = [{ key: 'templates.unknownTypes' }];
  }

  if (draft.searchCode) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('templates.search_code'))`);
    const code = draft.searchCode.toLowerCase();
    const scopeWhere =
      draft.scope === 'shared' ? undefined : or(eq(templates.serviceId, serviceId), eq(templates.scope, 'shared'));
    const [clash] = await tx
      .select({ title: templates.title })
      .from(templates)
      .where(
        and(sql`lower(${templates.searchCode}) = ${code}`, scopeWhere, selfId ? ne(templates.id, selfId) : undefined),
      )
      .limit(1);
    if (clash)
      errors.searchCode = [
        { key: 'templates.searchCodeTaken', params: { code: draft.searchCode, title: clash.title } },
      ];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
