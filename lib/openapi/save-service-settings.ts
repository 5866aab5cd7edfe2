import type { ServiceCtx } from '@/lib/context';
import type { ApiSettingsInput } from './schemas';
import { parseCidrs, saveApiSettings } from './settings';

/** The 인증 form: 활성화, the allow-list as typed (normalized; the first bad entry is a field error) and the rate limit. */
export async function saveServiceApiSettings(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: ApiSettingsInput) {
  return saveApiSettings(ctx.db, ctx.service.id, {
    enabled: input.enabled,
    allowedCidrs: parseCidrs(input.cidrs),
    rateLimitPerMinute: input.rateLimitPerMinute,
  });
}
