import { getDb } from '@/lib/db';
import { handleDoorayHook } from '@/lib/dooray/hook';

/** Dooray hook bodies are a few KB; anything past this is not read at all. */
const BODY_LIMIT = 256 * 1024;

const ok = () => new Response(null, { status: 200 });

async function readCapped(req: Request): Promise<string | null> {
  if (Number(req.headers.get('content-length') ?? 0) > BODY_LIMIT) return null;
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
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
    console.error('[dooray hook] failed', err);
  }
  return ok();
}
