'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { regenerateHookToken, setDoorayState } from '@/lib/dooray/config';
import { deleteDoorayProject, registerDoorayProject } from '@/lib/dooray/projects';
import { registerDoorayOrg } from '@/lib/dooray/register-org';
import { revealHookUrl } from '@/lib/dooray/reveal-hook-url';
import {
  agentIdInput,
  doorayStateInput,
  projectIdInput,
  registerOrgInput,
  registerProjectInput,
  serviceOnlyInput,
} from '@/lib/dooray/schemas';
import { testDoorayConnection } from '@/lib/dooray/test-connection';
import { generateUserKey } from '@/lib/dooray/user-key';
import { saveAllowedSenders, saveSmsConfig, testSmsConfig } from '@/lib/sms/save-config';
import { allowedSendersInput, smsConfigInput } from '@/lib/sms/schemas';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/channels`);

export const setDoorayStateAction = serviceAction(doorayStateInput, admin, async (input, ctx) => {
  await setDoorayState(ctx, input);
  refresh(ctx.service.id);
  return { enabled: input.enabled, paused: input.paused };
});

export const regenerateHookTokenAction = serviceAction(serviceOnlyInput, admin, async (_input, ctx) => {
  await regenerateHookToken(ctx);
  refresh(ctx.service.id);
  return { ok: true };
});

/** 보기: the whole hook URL (with its token), for the admin to paste into Dooray; the page shows it masked. */
export const revealHookUrlAction = serviceAction(serviceOnlyInput, admin, async (_input, ctx) => revealHookUrl(ctx));

export const registerDoorayOrgAction = serviceAction(registerOrgInput, admin, async (input, ctx) => {
  const r = await registerDoorayOrg(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const testDoorayConnectionAction = serviceAction(serviceOnlyInput, admin, async (_input, ctx) =>
  testDoorayConnection(ctx),
);

export const registerDoorayProjectAction = serviceAction(registerProjectInput, admin, async (input, ctx) => {
  const r = await registerDoorayProject(ctx, input);
  refresh(ctx.service.id);
  return { id: r.id };
});

export const deleteDoorayProjectAction = serviceAction(projectIdInput, admin, async (input, ctx) => {
  const r = await deleteDoorayProject(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const generateUserKeyAction = serviceAction(agentIdInput, admin, async (input, ctx) => {
  const key = await generateUserKey(ctx, input);
  revalidatePath(`/${ctx.service.id}/settings/agents/${input.agentId}`);
  return { userKey: key };
});

export const saveSmsConfigAction = serviceAction(smsConfigInput, admin, async (input, ctx) => {
  const r = await saveSmsConfig(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const saveAllowedSendersAction = serviceAction(allowedSendersInput, admin, async (input, ctx) => {
  const r = await saveAllowedSenders(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const testSmsConfigAction = serviceAction(serviceOnlyInput, admin, async (_input, ctx) => {
  const r = await testSmsConfig(ctx);
  refresh(ctx.service.id);
  return r;
});
