import { getDb } from '@/db';
import { handleDoorayHook } from '@/lib/dooray/hook';
import { readCappedBody } from '@/lib/net/read-capped';
import { moduleLog } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';

/** Dooray hook bodies are a few KB; anything past this is not read at all. */
const BODY_LIMIT = 256 * 1024;

const ok = () => new Response(null, { status: 200 });

async function readCapped(req: Request): Promise<string | null> {
  return (await readCappedBody(req, BODY_LIMIT))?.toString('utf8') ?? null;
}

/**
 * The project outgoing webhook Dooray calls (`/{serviceId}/api/v2/dooray/hook?token=…`).
 * Authorization is the per-service token plus the registered organization, project and task;
 * whatever happens the answer is 200 with no body, so a caller learns nothing from it.
 */
export async function POST(req: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  try {
    const { serviceId } = await params;
    if (!/^[a-z][a-z0-9]{2,29}$/.test(serviceId)) return ok();
    const token = new URL(req.url).searchParams.get('token') ?? '';
    if (!token || token.length > 200) return ok();
    const text = await readCapped(req);
    if (text === null) return ok();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return ok();
    }
    await handleDoorayHook(getDb(), serviceId, token, json);
  } catch (err) {
    moduleLog('dooray').error({ err: safeError(err) }, 'hook failed');
  }
  return ok();
}
