import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { categories, fieldLayouts, fields, organizations, type Field } from '@/db/schema';
import type { Db } from '@/db';
import { issueApiKey } from '@/lib/openapi/keys';

/** The organization id (created when the test database has none). */
export async function orgId(db: Db): Promise<string> {
  const [o] = await db.select().from(organizations).limit(1);
  if (o) return o.id;
  const [made] = await db.insert(organizations).values({ name: '테스트 조직' }).returning();
  return made.id;
}

/**
 * Signs like an integrator following integrations.md §1.10, written independently of the
 * server code: org id + URI + values of the parameters sorted by name joined by '&' + ('&' if
 * params) + body + timestamp, HMAC-SHA256 with the key, base64.
 */
export function signRequest(
  key: string,
  org: string,
  uri: string,
  params: Record<string, string>,
  body: string,
  ts: string,
): string {
  const names = Object.keys(params).sort();
  let sb = org + uri;
  sb += names.map((n) => params[n]).join('&');
  if (body.length) sb += (names.length ? '&' : '') + body;
  sb += ts;
  return createHmac('sha256', key).update(Buffer.from(sb, 'utf8')).digest('base64');
}

export async function intakeType(db: Db, serviceId: string, name: string, active = true) {
  const id = crypto.randomUUID();
  const [c] = await db
    .insert(categories)
    .values({
      id,
      serviceId,
      kind: 'intake',
      name,
      names: { ko: name },
      path: `/${id}/`,
      parentId: null,
      depth: 1,
      position: 0,
      active,
    } as typeof categories.$inferInsert)
    .returning();
  return c;
}

/** Custom customer fields and a layout for `intakeTypeId`: system fields + the custom ones. */
export async function layoutWith(
  db: Db,
  serviceId: string,
  intakeTypeId: string,
  custom: Partial<typeof fields.$inferInsert>[],
): Promise<Field[]> {
  const made: Field[] = [];
  for (const c of custom) {
    const [f] = await db
      .insert(fields)
      .values({
        serviceId,
        audience: 'customer',
        names: { ko: c.code! },
        type: 'text',
        ...c,
      } as typeof fields.$inferInsert)
      .returning();
    made.push(f);
  }
  const sys = await db.select().from(fields).where(eq(fields.serviceId, serviceId));
  const code = (c: string) => sys.find((f) => f.code === c && f.audience === 'customer')!.id;
  const ids = [
    code('category'),
    code('subject'),
    code('content'),
    code('name'),
    code('mail'),
    code('phone'),
    ...made.map((f) => f.id),
    code('personalAgree'),
  ];
  await db.insert(fieldLayouts).values({ serviceId, audience: 'customer', intakeTypeId, fieldIds: ids });
  return made;
}

export async function serviceKey(db: Db, serviceId: string) {
  return db.transaction((tx) => issueApiKey(tx, serviceId, null));
}
