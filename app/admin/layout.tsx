import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireOrgAdmin } from '@/lib/auth/require';
import { getDb } from '@/db';
import { listAccessibleServices } from '@/lib/auth/access';

// The layout only decides what renders; every org action checks org-admin itself too.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireOrgAdmin();
  return (
    <AppShell session={session} services={await listAccessibleServices(getDb(), session.member)} sections={[]}>
      {children}
    </AppShell>
  );
}
