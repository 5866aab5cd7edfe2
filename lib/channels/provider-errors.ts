import { ProviderError } from '@/lib/channels/provider';
import { ValidationError } from '@/lib/errors';

/** A provider failure as a field message the admin can act on (the provider's own words included). */
export function providerFieldError(err: unknown, field: string): never {
  if (err instanceof ProviderError) {
    if (err.code === 'blocked') throw ValidationError.field(field, 'channels.errors.blocked');
    if (err.code === 'timeout') throw ValidationError.field(field, 'channels.errors.timeout');
    if (err.code === 'non_json') throw ValidationError.field(field, 'channels.errors.nonJson', { detail: err.detail });
    if (err.status === null) throw ValidationError.field(field, 'channels.errors.unreachable', { detail: err.detail });
    throw ValidationError.field(field, 'channels.errors.rejected', { detail: err.detail });
  }
  throw err;
}
