import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { mailLayouts, services } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { codesIn, unknownCodes } from '@/lib/substitution/render';
import { knownCodes } from '@/lib/substitution/values';
import type { layoutInput } from './schemas';

/**
 * 메일 레이아웃 of one event and help-center language. `#{content}` (the reply) is required and
 * unknown codes are refused (SPEC §7–§8); an empty body removes the layout (the built-in one applies).
 * In HTML mode the body is sanitized before it is checked and stored.
 */
export async function saveLayout(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: z.output<typeof layoutInput>) {
  const [svc] = await ctx.db
    .select({ languages: services.languages, editorType: services.editorType })
    .from(services)
    .where(eq(services.id, ctx.service.id));
  if (!svc?.languages.includes(input.lang)) throw ValidationError.field('lang', 'email.errors.lang');
  // HTML layouts keep only what the editor produces (scripts, handlers, styles dropped); an editor's empty paragraph is empty.
  const body =
    svc.editorType === 'text'
      ? input.body.trim()
      : sanitizeRichHtml(input.body)
          .trim()
          .replace(/^(<p>\s*<\/p>)+$/, '');
  const key = { serviceId: ctx.service.id, event: input.event, lang: input.lang };
  if (!body) {
    await ctx.db
      .delete(mailLayouts)
      .where(
        and(
          eq(mailLayouts.serviceId, ctx.service.id),
          eq(mailLayouts.event, input.event),
          eq(mailLayouts.lang, input.lang),
        ),
      );
    return { ...key, body: '' };
  }
  if (!codesIn(body).includes('content')) throw ValidationError.field('body', 'email.errors.contentRequired');
  const unknown = unknownCodes(body, await knownCodes(ctx.db, ctx.service.id));
  if (unknown.length)
    throw ValidationError.field('body', 'email.errors.unknownCodes', {
      codes: unknown.map((c) => `#{${c}}`).join(', '),
    });
  await ctx.db
    .insert(mailLayouts)
    .values({ ...key, body })
    .onConflictDoUpdate({
      target: [mailLayouts.serviceId, mailLayouts.event, mailLayouts.lang],
      set: { body, updatedAt: new Date() },
    });
  return { ...key, body };
}
