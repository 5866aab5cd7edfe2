'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { issueServiceKey } from '@/lib/openapi/issue-service-key';
import { revokeServiceKey } from '@/lib/openapi/revoke-service-key';
import { saveServiceApiSettings } from '@/lib/openapi/save-service-settings';
import { apiSettingsInput, issueKeyInput, revokeKeyInput } from '@/lib/openapi/schemas';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/auth`);

/** 서비스 Key 생성 / API Key 변경: the new key is in the result once and never again. */
export const issueApiKeyAction = serviceAction(issueKeyInput, admin, async (_input, ctx) => {
  const made = await issueServiceKey(ctx);
  refresh(ctx.service.id);
  return made;
});

export const revokeApiKeyAction = serviceAction(revokeKeyInput, admin, async (input, ctx) => {
  const r = await revokeServiceKey(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const saveApiSettingsAction = serviceAction(apiSettingsInput, admin, async (input, ctx) => {
  const saved = await saveServiceApiSettings(ctx, input);
  refresh(ctx.service.id);
  return saved;
});
