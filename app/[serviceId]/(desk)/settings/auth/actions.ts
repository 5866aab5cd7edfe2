'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { issueApiKey, revokeApiKey } from '@/lib/openapi/keys';
import { apiSettingsInput, issueKeyInput, parseCidrs, revokeKeyInput, saveApiSettings } from '@/lib/openapi/settings';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/auth`);

/** 서비스 Key 생성 / API Key 변경: the new key is in the result once and never again. */
export const issueApiKeyAction = serviceAction(issueKeyInput, admin, async (_input, ctx) => {
  const made = await ctx.db.transaction((tx) => issueApiKey(tx, ctx.service.id, ctx.member.id));
  refresh(ctx.service.id);
  return { key: made.key, graceUntil: made.graceUntil?.toISOString() ?? null };
});

export const revokeApiKeyAction = serviceAction(revokeKeyInput, admin, async (input, ctx) => {
  await ctx.db.transaction((tx) => revokeApiKey(tx, ctx.service.id, input.keyId));
  refresh(ctx.service.id);
  return { keyId: input.keyId };
});

export const saveApiSettingsAction = serviceAction(apiSettingsInput, admin, async (input, ctx) => {
  const saved = await saveApiSettings(ctx.db, ctx.service.id, {
    enabled: input.enabled,
    allowedCidrs: parseCidrs(input.cidrs),
    rateLimitPerMinute: input.rateLimitPerMinute,
  });
  refresh(ctx.service.id);
  return saved;
});
