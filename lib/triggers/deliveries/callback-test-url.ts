import { and, eq } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { openEndpointUrl } from '../endpoint-url';
import type { TestCallbackInput } from '../schemas';

/**
 * The URL the 테스트 button calls: the one typed in, or — when the admin keeps a saved callback,
 * whose URL the editor only has masked — the sealed URL of that saved result, found by its
 * fingerprint in this service's trigger and opened on the server, so it never reaches the browser.
 */
export async function callbackTestUrl(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: TestCallbackInput,
): Promise<string> {
  const typed = input.url.trim();
  if (typed || !input.triggerId || !input.urlKey) {
    if (!typed) throw ValidationError.field('url', 'validation.required');
    return typed;
  }
  const [t] = await ctx.db
    .select({ results: triggers.results })
    .from(triggers)
    .where(and(eq(triggers.serviceId, ctx.service.id), eq(triggers.id, input.triggerId)));
  const saved = (t?.results as { type?: unknown; urlKey?: unknown; urlSealed?: unknown }[] | undefined)?.find(
    (r) => r.type === 'callback' && r.urlKey === input.urlKey && typeof r.urlSealed === 'string',
  );
  if (!saved) throw new NotFoundError();
  const url = openEndpointUrl(ctx.service.id, saved.urlSealed as string);
  if (!url) throw ValidationError.field('url', 'validation.triggers.urlReenter');
  return url;
}
