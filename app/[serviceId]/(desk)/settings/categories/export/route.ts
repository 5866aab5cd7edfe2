import { NextResponse } from 'next/server';
import { CATEGORY_KINDS, type CategoryKind } from '@/db/values';
import { authorizeService } from '@/lib/auth/access';
import { getCurrentSession } from '@/lib/auth/session';
import { exportCategories } from '@/lib/categories/export';
import { getDb } from '@/db';
import { AppError } from '@/lib/errors';
import { getRequestLocale } from '@/lib/i18n/locale';

const notFound = () => new NextResponse('Not found', { status: 404 });

/**
 * GET ?kind=intake|processing → the tree as .xlsx. Authorizes inside itself like
 * requireService (session + authorizeService, admins only); anyone else gets a 404.
 */
export async function GET(req: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const session = await getCurrentSession();
  if (!session) return notFound();
  let access;
  try {
    access = await authorizeService(getDb(), session.member, serviceId, { role: 'admin' });
  } catch (err) {
    if (err instanceof AppError) return notFound();
    throw err;
  }
  const kind = new URL(req.url).searchParams.get('kind') as CategoryKind;
  if (!CATEGORY_KINDS.includes(kind)) return notFound();
  const locale = await getRequestLocale();
  const body = await exportCategories(getDb(), {
    serviceId: access.service.id,
    kind,
    languages: access.service.languages,
    locale,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const file = `${access.service.id}-${kind}-categories-${stamp}.xlsx`;
  return new NextResponse(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    },
  });
}
