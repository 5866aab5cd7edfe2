import type { ReactNode } from 'react';
import { requireService } from '@/lib/auth/require';

// Every settings screen is for admins: an agent gets a 404 here before any page renders.
// Pages and actions still check on their own (DESIGN.md §2), this only makes it the default.
export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  await requireService(serviceId, { role: 'admin' });
  return children;
}
