import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { LiveDesk } from '@/components/live/live-desk';
import { serviceNav } from '@/components/shell/service-nav';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/db';
import { listAccessibleServices } from '@/lib/auth/access';

// No loading.tsx at this level: a Suspense boundary here would flush the page before the
// settings layout can refuse an agent, turning its 403 into a 200 (loading states live in
// tickets/ and settings/ instead).
export default async function ServiceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ serviceId: string }>;
}) {
  const { serviceId } = await params;
  const access = await requireService(serviceId);
  return (
    <AppShell
      session={access.session}
      services={await listAccessibleServices(getDb(), access.session.member)}
      serviceId={access.service.id}
      sections={await serviceNav(access)}
    >
      <LiveDesk serviceId={access.service.id} me={access.session.member.id}>
        {children}
      </LiveDesk>
    </AppShell>
  );
}
