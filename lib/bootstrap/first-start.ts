import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { members, organizations, serviceMembers } from '@/db/schema';
import type { Db } from '@/db';
import { hashPassword, passwordSchema } from '@/lib/auth/password';
import { insertService } from '@/lib/services/insert-service';

export type FirstStartResult =
  { created: false } | { created: true; login: string; password: string; generated: boolean };

/**
 * On the very first start: the organization, an org-admin member and the demo service
 * `demo`. Later starts change nothing. An advisory lock keeps parallel instances from
 * seeding twice.
 */
export async function ensureFirstStart(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<FirstStartResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7243002)`);
    const existing = await tx.select({ id: organizations.id }).from(organizations).limit(1);
    if (existing.length) return { created: false } as const;

    const login = env.SEED_ADMIN_LOGIN?.trim() || 'admin';
    const given = env.SEED_ADMIN_PASSWORD || undefined; // an empty value counts as unset
    const generated = !given;
    // Letters and digits only, ending in a digit and a letter, so the rule of passwordSchema holds.
    const password = given ?? `${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}7a`;
    if (!passwordSchema.safeParse(password).success) {
      throw new Error(
        'SEED_ADMIN_PASSWORD breaks the password rule: 10–128 characters with at least one letter and one digit.',
      );
    }
    await tx.insert(organizations).values({ name: env.ORG_NAME?.trim() || 'Contact Desk' });
    const [admin] = await tx
      .insert(members)
      .values({
        name: env.SEED_ADMIN_NAME?.trim() || '관리자',
        loginId: login,
        email: env.SEED_ADMIN_EMAIL?.trim() || `${login}@example.com`,
        passwordHash: await hashPassword(password),
        isOrgAdmin: true,
        status: 'active',
      })
      .returning();
    await insertService(tx, { id: 'demo', name: '데모 서비스', languages: ['ko', 'en'] });
    await tx
      .insert(serviceMembers)
      .values({ serviceId: 'demo', memberId: admin.id, role: 'admin', canTransfer: true, canViewLogs: true });
    return { created: true, login, password, generated } as const;
  });
}

/** Prints the first-start credentials once, clearly, when the password was generated. */
export function announceFirstStart(r: FirstStartResult): void {
  if (!r.created) return;
  const lines = r.generated
    ? [
        'Contact Desk is ready. Log in as the organization admin:',
        `  login:    ${r.login}`,
        `  password: ${r.password}`,
        'This password is shown only now. Change it or invite yourself a personal account.',
      ]
    : [
        'Contact Desk is ready. Log in as the organization admin:',
        `  login:    ${r.login}`,
        '  password: (from SEED_ADMIN_PASSWORD)',
      ];
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${'='.repeat(width)}\n${lines.map((l) => `  ${l}`).join('\n')}\n${'='.repeat(width)}\n`);
}
