import { getDb } from '@/db';
import { success } from '@/lib/openapi/envelope';
import { createApiTicket } from '@/lib/openapi/create-ticket';
import { parseJsonBody } from '@/lib/openapi/request';
import { signedRoute } from '@/lib/openapi/route';
import { ticketContent } from '@/lib/openapi/views';

// Authorization: signedRoute runs authenticate() first — the service key's HMAC signature, timestamp,
// replay, IP allow-list and per-key rate limit (lib/openapi/authenticate.ts); no member session is used.
/** 문의 접수 (create a ticket): signed; the body is validated against the intake type's layout. */
export const POST = signedRoute(async ({ caller, body }) => {
  const made = await createApiTicket(getDb(), caller.serviceId, parseJsonBody(body), caller.config);
  return success({ content: ticketContent(made.snapshot, made.files) });
});
