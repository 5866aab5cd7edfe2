import { z } from 'zod';
import { zodFieldErrors } from '@/lib/actions/zod-errors';
import { authorizeService } from '@/lib/auth/access';
import { getCurrentSession } from '@/lib/auth/session';
import { getDb } from '@/db';
import { saveDraft } from '@/lib/drafts/save-draft';
import { saveDraftInput } from '@/lib/drafts/schemas';
import { AppError, ForbiddenError, ValidationError } from '@/lib/errors';
import { getRequestLocale } from '@/lib/i18n/locale';
import { translator } from '@/lib/i18n/messages';
import { parseClean } from '@/lib/validation/hygiene';

export const dynamic = 'force-dynamic';

/**
 * The reply box's last-moment draft save: sent with `fetch(…, { keepalive: true })` when the page
 * is hidden or unloaded (a reload right after typing, before the 1 s autosave, must not lose the
 * reply). A server action cannot outlive its page; this route can. JSON only: a cross-site form
 * cannot post it without a CORS preflight, which this route never grants.
 */
export async function POST(req: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const t = translator(await getRequestLocale());
  const session = await getCurrentSession();
  if (!session) return Response.json({ error: t('errors.unauthenticated') }, { status: 401 });
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return Response.json({ error: t('validation.form') }, { status: 415 });
  }
  const body = await req.json().catch(() => null);
  try {
    const input = await parseClean(saveDraftInput, body);
    const access = await authorizeService(getDb(), session.member, serviceId);
    await saveDraft({ db: getDb(), member: session.member, service: access.service }, input);
    return new Response(null, { status: 204 });
  } catch (err) {
    if (err instanceof z.ZodError) {
      const fieldErrors = Object.fromEntries(
        Object.entries(zodFieldErrors(err)).map(([f, refs]) => [f, refs.map((r) => t(r.key, r.params))]),
      );
      return Response.json({ error: t('validation.form'), fieldErrors }, { status: 400 });
    }
    if (err instanceof ValidationError) {
      const fieldErrors = Object.fromEntries(
        Object.entries(err.fieldErrors).map(([f, refs]) => [f, refs.map((r) => t(r.key, r.params))]),
      );
      return Response.json({ error: t(err.key, err.params), fieldErrors }, { status: 400 });
    }
    if (err instanceof AppError)
      return Response.json({ error: t(err.key, err.params) }, { status: err instanceof ForbiddenError ? 403 : 404 });
    throw err;
  }
}
