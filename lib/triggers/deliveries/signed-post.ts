import { Webhook } from 'standardwebhooks';
import { safeFetch, type SafeResponse } from '@/lib/net/safe-fetch';

/** POSTs JSON signed per Standard Webhooks: `webhook-id` (stable), `webhook-timestamp`, `webhook-signature`. */
export async function signedPost(url: string, id: string, secret: string, body: unknown): Promise<SafeResponse> {
  const payload = JSON.stringify(body);
  const now = new Date();
  const signature = new Webhook(secret).sign(id, now, payload);
  return safeFetch(url, {
    method: 'POST',
    body: payload,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    },
  });
}
