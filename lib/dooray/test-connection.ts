import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { membersByEmail } from './api';
import { doorayOrg, orgAuth } from './config';
import { providerFieldError } from '@/lib/channels/provider-errors';

/** 연결 테스트: asks Dooray for the acting admin by e-mail with the stored tenant token; writes nothing. */
export async function testDoorayConnection(ctx: ServiceCtx): Promise<{ latencyMs: number; found: boolean }> {
  const org = await doorayOrg(ctx.db, ctx.service.id);
  if (!org) throw ValidationError.field('tenantToken', 'channels.dooray.errors.noOrg');
  const started = Date.now();
  try {
    const keys = await membersByEmail(orgAuth(org), [ctx.member.email]);
    return { latencyMs: Date.now() - started, found: keys.size > 0 };
  } catch (err) {
    providerFieldError(err, 'tenantToken');
  }
}
