import type { z } from 'zod';
import type { FieldErrorRefs, MessageRef } from '@/lib/errors';

/**
 * Turns zod issues into message references. Schemas give their own rule messages as keys
 * (`{ error: 'validation.serviceIdReserved' }`); zod's built-in checks map by issue code.
 */
export function issueToRef(issue: z.core.$ZodIssue): MessageRef {
  if (
    issue.message?.startsWith('validation.') ||
    issue.message?.startsWith('errors.') ||
    issue.message?.startsWith('security.') ||
    issue.message?.startsWith('email.errors.')
  ) {
    return { key: issue.message };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalid' };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', params: { min: Number(issue.minimum) } };
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'validation.tooFewItems', params: { min: Number(issue.minimum) } };
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'validation.tooManyItems', params: { max: Number(issue.maximum) } };
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'validation.email' : 'validation.format' };
    case 'invalid_value':
      return { key: 'validation.choice' };
    default:
      return { key: 'validation.invalid' };
  }
}

export function zodFieldErrors(error: z.ZodError): FieldErrorRefs {
  const out: FieldErrorRefs = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form';
    const ref = issueToRef(issue);
    const list = (out[field] ??= []);
    // Two checks of one rule (a length and a pattern) would otherwise say the same thing twice.
    if (!list.some((r) => r.key === ref.key)) list.push(ref);
  }
  return out;
}
