import { Readable } from 'node:stream';
import { readAttachment } from '@/lib/attachments/read-attachment';
import { getCurrentSession } from '@/lib/auth/session';
import { getDb } from '@/db';

// Always a download, never rendered by the browser: an uploaded HTML or SVG cannot run here.
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });

/** A ticket attachment for members of the service, or for the requester's signed link. */
export async function GET(req: Request, { params }: { params: Promise<{ serviceId: string; attachmentId: string }> }) {
  const { serviceId, attachmentId } = await params;
  const token = new URL(req.url).searchParams.get('token');
  const session = await getCurrentSession();
  // Authorization happens in readAttachment: authorizeService for a signed-in member of this
  // service, or checkAttachmentToken for the requester's signed link to exactly this file.
  const found = await readAttachment(getDb(), { member: session?.member ?? null, token }, serviceId, attachmentId);
  if (!found) return notFound();
  return new Response(Readable.toWeb(found.body) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': found.row.contentType,
      'Content-Length': String(found.row.size),
      'Content-Disposition': disposition(found.row.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
