import { z } from 'zod';
import { formCheckbox } from '@/lib/actions/form-data';

/** Input schemas of the Open API settings verbs (설정 → 인증), parsed by their actions. */

export const apiSettingsInput = z.object({
  enabled: formCheckbox,
  cidrs: z.string().max(10_000).default(''),
  rateLimitPerMinute: z.coerce.number().int().min(1).max(1_000_000),
});
export type ApiSettingsInput = z.output<typeof apiSettingsInput>;

export const issueKeyInput = z.object({});

export const revokeKeyInput = z.object({ keyId: z.uuid() });
export type RevokeKeyInput = z.output<typeof revokeKeyInput>;
