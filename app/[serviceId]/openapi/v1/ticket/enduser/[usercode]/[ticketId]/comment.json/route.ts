import { getDb } from '@/db';
import { addEndUserComment } from '@/lib/openapi/end-user';
import { success } from '@/lib/openapi/envelope';
import { parseJsonBody } from '@/lib/openapi/request';
import { signedRoute } from '@/lib/openapi/route';

// Authorization: signedRoute runs authenticate() first — the service key's HMAC signature, timestamp,
// replay, IP allow-list and per-key rate limit (lib/openapi/authenticate.ts); no member session is used.
/** The end user's comment (고객 답변) on their ticket; triggers on 고객 답변 run. */
export const POST = signedRoute(async ({ caller, params, body }) =>
  success(await addEndUserComment(getDb(), caller.serviceId, params.usercode, params.ticketId, parseJsonBody(body))),
);
