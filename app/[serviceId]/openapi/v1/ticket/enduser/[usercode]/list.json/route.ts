import { getDb } from '@/db';
import { listEndUserTickets } from '@/lib/openapi/end-user';
import { success } from '@/lib/openapi/envelope';
import { queryParams } from '@/lib/openapi/request';
import { signedRoute } from '@/lib/openapi/route';

// Authorization: signedRoute runs authenticate() first — the service key's HMAC signature, timestamp,
// replay, IP allow-list and per-key rate limit (lib/openapi/authenticate.ts); no member session is used.
/** 문의 내역: an end user's tickets, paged (`page`, `pageSize` ≤ 200). */
export const GET = signedRoute(async ({ caller, params, url }) =>
  success(await listEndUserTickets(getDb(), caller.serviceId, params.usercode, queryParams(url))),
);
