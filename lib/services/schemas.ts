import { z } from 'zod';
import { formCheckbox } from '@/lib/actions/form-data';

/** IDs that collide with top-level routes or read as system names. */
export const RESERVED_SERVICE_IDS = new Set([
  'admin',
  'api',
  'login',
  'logout',
  'invite',
  'me',
  'dev',
  'hc',
  'static',
  'public',
  'assets',
  'auth',
  'settings',
  'system',
  'root',
  'www',
  'mail',
  'help',
  'openapi',
  'health',
  'favicon',
  'robots',
  'sitemap',
  'new',
]);

export const serviceIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(30, { error: 'validation.serviceIdRule' })
  .regex(/^[a-z][a-z0-9]{2,29}$/, { error: 'validation.serviceIdRule' })
  .refine((v) => !RESERVED_SERVICE_IDS.has(v), { error: 'validation.serviceIdReserved' });

export const serviceNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, { error: 'validation.controlChars' });

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
// ISO 3166 user-assigned codes (AA, QM–QZ, XA–XZ, ZZ) are not real regions.
const PRIVATE_REGION = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * ISO 639 language, optionally with an ISO 3166 region: `ko`, `en`, `yue`, `zh_TW`, `es_LA`.
 * Only canonical codes (`kor` is `ko`) that ICU can name count.
 */
export function isIsoLanguage(code: string): boolean {
  const m = /^([a-z]{2,3})(?:_([A-Z]{2}))?$/.exec(code);
  if (!m || NON_LANGUAGES.has(m[1])) return false;
  try {
    if (Intl.getCanonicalLocales(m[1])[0] !== m[1] || languageNames.of(m[1]) === undefined) return false;
    return !m[2] || (!PRIVATE_REGION.test(m[2]) && regionNames.of(m[2]) !== undefined);
  } catch {
    return false;
  }
}
// ISO 639 special codes: no linguistic content, undetermined, multiple, uncoded.
const NON_LANGUAGES = new Set(['zxx', 'und', 'mul', 'mis']);

export const languagesSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v),
  z
    .array(z.string().trim().refine(isIsoLanguage, { error: 'validation.languageCode' }))
    .min(1, { error: 'validation.languagesRequired' })
    .max(20)
    .refine((l) => new Set(l).size === l.length, { error: 'validation.languagesDuplicate' }),
);

export const createServiceInput = z.object({
  id: serviceIdSchema,
  name: serviceNameSchema,
  languages: languagesSchema.default(['ko', 'en']),
});
export type CreateServiceInput = z.output<typeof createServiceInput>;

export const updateServiceInput = z.object({
  serviceId: z.string().min(1).max(30),
  name: serviceNameSchema,
  languages: languagesSchema,
  editorType: z.enum(['html', 'text'], { error: 'validation.choice' }),
  smsEnabled: formCheckbox,
});
export type UpdateServiceInput = z.output<typeof updateServiceInput>;
