import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { services } from '@/db/schema';
import { getDb } from '@/db';
import { appUrl } from '@/lib/app-url';
import { openApiDocument } from '@/lib/openapi/document';

// Public on purpose, no authorization: the document describes the API and holds no secret or data.
/** The OpenAPI 3.1 document of this service's Open API (public: it holds no secret). */
export async function GET(_req: Request, ctx: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await ctx.params;
  // Only a well-formed service ID reaches SQL (a NUL byte there was a 500).
  if (!/^[a-z][a-z0-9]{2,29}$/.test(serviceId)) return NextResponse.json({ error: 'Not Found' }, { status: 404 });
  const [svc] = await getDb().select({ id: services.id }).from(services).where(eq(services.id, serviceId));
  if (!svc) return NextResponse.json({ error: 'Not Found' }, { status: 404 });
  return NextResponse.json(openApiDocument(appUrl(), svc.id), { headers: { 'cache-control': 'public, max-age=300' } });
}
