import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { authorizeService, type ServiceRequirement } from '@/lib/auth/access';
import { getCurrentSession } from '@/lib/auth/session';
import { getDb } from '@/db';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  UnauthenticatedError,
  ValidationError,
  type FieldErrorRefs,
} from '@/lib/errors';
import { getRequestLocale } from '@/lib/i18n/locale';
import { translator, type Translate } from '@/lib/i18n/messages';
import { clientIp } from '@/lib/rate-limit/client-ip';
import { parseClean } from '@/lib/validation/hygiene';
import { errorDigest, safeError } from '@/lib/log/safe-error';
import type { ClientInfo, MemberCtx, PublicCtx, ServiceCtx } from '@/lib/context';
import { formDataToObject } from './form-data';
import { zodFieldErrors } from './zod-errors';
import { moduleLog } from '@/lib/log/logger';

export type ActionResult<T = unknown> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** The shape every action has, so `useActionState(action, null)` works with FormData or objects. */
// Input is untrusted whatever its static type: the schema decides, so callers may pass any object.
export type Action<In, T> = (prev: unknown, input: FormData | In | Record<string, unknown>) => Promise<ActionResult<T>>;

async function clientInfo(): Promise<ClientInfo> {
  try {
    const h = await headers();
    return { ip: clientIp(h), userAgent: h.get('user-agent') };
  } catch {
    return { ip: null, userAgent: null };
  }
}

function translateFields(t: Translate, refs: FieldErrorRefs): Record<string, string[]> {
  return Object.fromEntries(Object.entries(refs).map(([f, list]) => [f, list.map((r) => t(r.key, r.params))]));
}

function failure(t: Translate, err: unknown): ActionResult<never> {
  if (err instanceof z.ZodError) {
    return { ok: false, error: t('validation.form'), fieldErrors: translateFields(t, zodFieldErrors(err)) };
  }
  if (err instanceof ValidationError) {
    return { ok: false, error: t(err.key, err.params), fieldErrors: translateFields(t, err.fieldErrors) };
  }
  if (err instanceof ConflictError && err.field) {
    const msg = t(err.key, err.params);
    return { ok: false, error: msg, fieldErrors: { [err.field]: [msg] } };
  }
  if (err instanceof AppError) return { ok: false, error: t(err.key, err.params) };
  // The digest is shown to the user and logged beside the error, so a report can be matched.
  const digest = errorDigest();
  moduleLog('action').error({ digest, err: safeError(err) }, 'unexpected error');
  return { ok: false, error: `${t('errors.unexpected')} (${digest})` };
}

/**
 * Runs the pipeline of DESIGN.md §2 around `body`: authenticate → parse → authorize →
 * verb → result. Each step throws a typed error that becomes a translated ActionResult.
 */
function pipeline<S extends z.ZodType, A, C, T>(
  schema: S,
  authenticate: (base: Omit<PublicCtx, 'db'>) => Promise<A>,
  authorize: (input: z.output<S>, authed: A) => Promise<C>,
  body: (input: z.output<S>, ctx: C) => Promise<T>,
): Action<z.input<S>, T> {
  return async (_prev, raw) => {
    const locale = await getRequestLocale();
    const t = translator(locale);
    try {
      const authed = await authenticate({ locale, client: await clientInfo() });
      const input = await parseClean(schema, raw instanceof FormData ? formDataToObject(raw) : raw);
      const ctx = await authorize(input, authed);
      return { ok: true, data: await body(input, ctx) };
    } catch (err) {
      unstable_rethrow(err);
      return failure(t, err);
    }
  };
}

async function memberBase(base: Omit<PublicCtx, 'db'>): Promise<MemberCtx> {
  const session = await getCurrentSession();
  if (!session) throw new UnauthenticatedError();
  return { db: getDb(), member: session.member, sessionId: session.id, ...base };
}

const same = async <C>(_input: unknown, ctx: C) => ctx;

/** Which service an action acts on; serviceAction adds it to every schema (callers send it, verbs read ctx.service). */
const serviceIdInput = z.string().min(1).max(30);

/**
 * An action of a service: the wrapper adds `serviceId` to `schema` (which must not declare it)
 * and authorizes the member for that service, always, before `body` runs.
 */
export function serviceAction<S extends z.ZodObject, T>(
  schema: S & (S['shape'] extends { serviceId: unknown } ? never : unknown),
  need: ServiceRequirement,
  body: (input: z.output<S>, ctx: ServiceCtx) => Promise<T>,
): Action<z.input<S> & { serviceId: string }, T> {
  type WithService = z.ZodType<z.output<S> & { serviceId: string }, z.input<S> & { serviceId: string }>;
  const withService = (schema as z.ZodObject).safeExtend({ serviceId: serviceIdInput }) as unknown as WithService;
  return pipeline<WithService, MemberCtx, ServiceCtx, T>(
    withService,
    memberBase,
    async (input, ctx) => ({ ...ctx, ...(await authorizeService(ctx.db, ctx.member, input.serviceId, need)) }),
    body,
  );
}

/** An action of the organization settings: org admins only. */
export function orgAction<S extends z.ZodType, T>(
  schema: S,
  body: (input: z.output<S>, ctx: MemberCtx) => Promise<T>,
): Action<z.input<S>, T> {
  const orgAdmin = async (base: Omit<PublicCtx, 'db'>) => {
    const ctx = await memberBase(base);
    if (!ctx.member.isOrgAdmin) throw new ForbiddenError();
    return ctx;
  };
  return pipeline(schema, orgAdmin, same, body);
}

/** An action any logged-in member may call about themself (personal settings). */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  body: (input: z.output<S>, ctx: MemberCtx) => Promise<T>,
): Action<z.input<S>, T> {
  return pipeline(schema, memberBase, same, body);
}

/** An action open to anyone on purpose (accepting an invite); the token in the input is the credential. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  body: (input: z.output<S>, ctx: PublicCtx) => Promise<T>,
): Action<z.input<S>, T> {
  return pipeline(schema, async (base) => ({ db: getDb(), ...base }), same, body);
}
