import { getDb } from '@/db';
import { endUserTicketDetail } from '@/lib/openapi/end-user';
import { success } from '@/lib/openapi/envelope';
import { signedRoute } from '@/lib/openapi/route';

// Authorization: signedRoute runs authenticate() first — the service key's HMAC signature, timestamp,
// replay, IP allow-list and per-key rate limit (lib/openapi/authenticate.ts); no member session is used.
/** One of the end user's tickets with its conversation (no internal comments). */
export const GET = signedRoute(async ({ caller, params }) =>
  success(await endUserTicketDetail(getDb(), caller.serviceId, params.usercode, params.ticketId)),
);
