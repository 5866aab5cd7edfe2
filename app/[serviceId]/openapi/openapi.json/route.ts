import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { services } from '@/db/schema';
import { getDb } from '@/lib/db';
import { appUrl } from '@/lib/members/invite-mail';
import { openApiDocument } from '@/lib/openapi/document';

/** The OpenAPI 3.1 document of this service's Open API (public: it holds no secret). */
export async function GET(_req: Request, ctx: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await ctx.params;
  const [svc] = await getDb().select({ id: services.id }).from(services).where(eq(services.id, serviceId));
  if (!svc) return NextResponse.json({ error: 'Not Found' }, { status: 404 });
  return NextResponse.json(openApiDocument(appUrl(), svc.id), { headers: { 'cache-control': 'public, max-age=300' } });
}
