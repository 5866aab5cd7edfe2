import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell, type NavSection } from '@/components/shell/app-shell';
import { requireService } from '@/lib/auth/require';

export default async function ServiceLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { session, service, role } = await requireService(serviceId);
  const t = await getTranslations('nav');
  // Later issues add their menus here as they are built; 서비스 관리 is for admins only.
  const sections: NavSection[] = [{ title: t('tickets'), links: [{ href: `/${service.id}`, label: t('home'), exact: true }] }];
  if (role === 'admin') {
    const base = `/${service.id}/settings`;
    sections.push({ title: t('serviceManagement'), links: [{ href: `${base}/categories`, label: t('categories') }, { href: `${base}/fields`, label: t('fields') }] });
  }
  return (
    <AppShell session={session} serviceId={service.id} sections={sections}>
      {children}
    </AppShell>
  );
}
