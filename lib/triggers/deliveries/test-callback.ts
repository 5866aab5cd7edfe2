import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { urlProblem } from '@/lib/net/addresses';
import type { TestCallbackInput } from '@/lib/triggers/schemas';
import { OutboundBlockedError } from '@/lib/net/safe-fetch';
import { callbackTestUrl } from './callback-test-url';
import { webhookSecret } from './secret';
import { signedPost } from './signed-post';

/**
 * A signed sample callback (the editor's 테스트 button): status, latency and the first 1 KB of the answer, or
 * the error class of why it failed. A URL refused by policy (private, not https) is a field error, sent nowhere.
 * The URL is the one typed in, or a kept callback's sealed URL opened on the server (callback-test-url.ts).
 */
export async function testCallback(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: TestCallbackInput,
): Promise<{ status: number | null; latencyMs: number; body: string; error: string | null }> {
  const url = await callbackTestUrl(ctx, input);
  const problem = urlProblem(url);
  if (problem) throw ValidationError.field('url', problem);
  const sample = {
    type: 'ticket.test',
    event: 'test',
    trigger: { id: null, title: 'test' },
    ticket: {
      id: randomUUID(),
      number: 0,
      subject: 'Contact Desk test',
      status: 'new',
      priority: 'normal',
      createdAt: new Date().toISOString(),
    },
  };
  const started = Date.now();
  try {
    const res = await signedPost(url, `msg_test_${randomUUID()}`, await webhookSecret(ctx.db, ctx.service.id), sample);
    return { status: res.status, latencyMs: res.latencyMs, body: res.body.slice(0, 1024), error: null };
  } catch (err) {
    // The same error classes as delivery attempts, so the editor can explain them alike.
    const error =
      err instanceof OutboundBlockedError
        ? `blocked_${err.reason}`
        : err instanceof Error
          ? ((err as NodeJS.ErrnoException).code ?? (err.message === 'timeout' ? 'timeout' : err.name))
          : 'error';
    return { status: null, latencyMs: Date.now() - started, body: '', error };
  }
}
