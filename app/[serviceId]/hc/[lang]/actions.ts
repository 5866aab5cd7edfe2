'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { NotFoundError } from '@/lib/errors';
import { helpcenterLocale } from '@/lib/helpcenter/site';
import { inquiryRefusalText, submitInquiry, type SubmitInquiryResult } from '@/lib/helpcenter/submit-inquiry';
import { helpcenterTranslator } from '@/lib/i18n/helpcenter';
import { safeError } from '@/lib/log/safe-error';
import { clientIp } from '@/lib/rate-limit/client-ip';
import { moduleLog } from '@/lib/log/logger';

const routeInput = z.object({ serviceId: z.string().min(1).max(30), lang: z.string().min(2).max(10) });

export type InquiryState = (ReturnType<typeof inquiryRefusalText> & { nonce: number }) | null;

/**
 * The help-center form's action (public on purpose: the signed single-use form token and the
 * per-IP limit guard it; Next checks Origin against Host for every server action). Works with
 * or without JavaScript: success redirects to the confirmation page, a refusal re-renders the
 * form with its messages in the page's language.
 */
export async function submitInquiryAction(_prev: InquiryState, form: FormData): Promise<InquiryState> {
  // No session to authorize: this form is public. What guards it is checked inside
  // submitInquiry: the signed single-use form token, the per-IP limit, and the service's own
  // active intake types and layout (another service's ids are simply not found).
  // Called by hand (not by the form), the argument may be anything: only FormData is a submission.
  if (!(form instanceof FormData))
    return {
      ok: false,
      error: helpcenterTranslator('ko')('errors.notFound'),
      fieldErrors: {},
      values: {},
      nonce: Date.now(),
    };
  const route = routeInput.safeParse({ serviceId: form.get('serviceId'), lang: form.get('lang') });
  const serviceId = route.success ? route.data.serviceId : '';
  const lang = route.success ? route.data.lang : '';
  const t = helpcenterTranslator(helpcenterLocale(lang));
  if (!route.success) return { ok: false, error: t('errors.notFound'), fieldErrors: {}, values: {}, nonce: Date.now() };
  const h = await headers();
  let result: SubmitInquiryResult;
  try {
    result = await submitInquiry(
      { db: getDb(), client: { ip: clientIp(h), userAgent: h.get('user-agent') } },
      { serviceId, lang, form },
    );
  } catch (err) {
    if (!(err instanceof NotFoundError)) moduleLog('helpcenter').error({ err: safeError(err) }, 'unexpected error');
    return {
      ok: false,
      error: t(err instanceof NotFoundError ? 'errors.notFound' : 'errors.unexpected'),
      fieldErrors: {},
      values: {},
      nonce: Date.now(),
    };
  }
  if (result.ok)
    redirect(
      `/${serviceId}/hc/${lang}/done?r=${encodeURIComponent(result.receipt)}${result.mail === 'sent' ? '&m=1' : ''}`,
    );
  return { ...inquiryRefusalText(t, result), nonce: Date.now() };
}
