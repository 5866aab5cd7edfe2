import { ValidationError, type FieldErrorRefs } from '@/lib/errors';
import { issueToRef } from '@/lib/actions/zod-errors';
import type { CategoryKind } from '@/db/values';
import { categoryNameSchema } from './schemas';

export type ResolvedNames = { name: string; names: Record<string, string> };

/**
 * Checks per-language names against the service's help-center languages (default first).
 * The default language is required; empty other languages are dropped (they fall back to the
 * default). Processing types have one name, in the default language. Field keys: `names.<lang>`.
 */
export function resolveNames(kind: CategoryKind, languages: string[], raw: Record<string, string>): ResolvedNames {
  const allowed = kind === 'intake' ? languages : languages.slice(0, 1);
  const def = languages[0];
  const errors: FieldErrorRefs = {};
  const names: Record<string, string> = {};
  for (const lang of Object.keys(raw)) {
    if (!allowed.includes(lang)) errors[`names.${lang}`] = [{ key: 'validation.categoryLanguage', params: { lang } }];
  }
  for (const lang of allowed) {
    const value = raw[lang] ?? '';
    if (lang !== def && value.trim() === '') continue;
    const r = categoryNameSchema.safeParse(value);
    if (r.success) names[lang] = r.data;
    else errors[`names.${lang}`] = [issueToRef(r.error.issues[0])];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { name: names[def], names };
}

/** The name to show in `lang`, falling back to the default-language name. */
export function displayName(c: { name: string; names: Record<string, string> }, lang: string): string {
  return c.names[lang] || c.name;
}
