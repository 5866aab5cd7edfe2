import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireService } from '@/lib/auth/require';

// Every settings screen is for admins: an agent of the service gets a 403 inside the app shell
// ((desk)/forbidden.tsx) before any page renders; someone outside the service still gets a 404.
// Pages and actions still check on their own (DESIGN.md §2), this only makes it the default.
export default async function SettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ serviceId: string }>;
}) {
  const { serviceId } = await params;
  const { role } = await requireService(serviceId);
  if (role !== 'admin') forbidden();
  return children;
}
