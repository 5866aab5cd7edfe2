import { z } from 'zod';
import { outboundUrl } from '@/lib/net/addresses';

/**
 * The URL of a callback or Dooray result as the editor sends it: a new `url` typed in, or the
 * stored `urlSealed` handed back untouched (the editor shows only `urlHint`). validateTrigger
 * seals a new URL, checks that a handed-back one opens for this service, and stores neither in
 * clear (lib/triggers/endpoint-url.ts).
 */
export const endpointUrlShape = {
  url: z.preprocess((v) => (v === '' || v === null ? undefined : v), outboundUrl.optional()),
  urlSealed: z.string().max(8000).optional(),
  urlHint: z.string().max(2100).optional(),
  urlKey: z.string().max(100).optional(),
};

export function requireEndpointUrl(v: { url?: string; urlSealed?: string }, ctx: z.RefinementCtx): void {
  if (!v.url && !v.urlSealed) ctx.addIssue({ code: 'custom', path: ['url'], message: 'validation.required' });
}
