import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell, type NavSection } from '@/components/shell/app-shell';
import { canViewLogs } from '@/lib/auth/access';
import { requireService } from '@/lib/auth/require';

export default async function ServiceLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const access = await requireService(serviceId);
  const { session, service, role } = access;
  const t = await getTranslations('nav');
  const te = await getTranslations('email');
  const tch = await getTranslations('channels');
  // Later issues add their menus here as they are built; 서비스 관리 is for admins only.
  // Menus only hide what cannot be opened; every settings page and action checks again.
  const sections: NavSection[] = [
    {
      title: t('tickets'),
      links: [
        { href: `/${service.id}`, label: t('home'), exact: true },
        { href: `/${service.id}/tickets`, label: t('ticketList'), exact: true },
        { href: `/${service.id}/tickets/new`, label: t('ticketCreate') },
      ],
    },
  ];
  if (role === 'admin') {
    const base = `/${service.id}/settings`;
    const links = [
      { href: `${base}/categories`, label: t('categories') },
      { href: `${base}/fields`, label: t('fields') },
      { href: `${base}/agents`, label: t('agents') },
      { href: `${base}/triggers`, label: t('triggers') },
      { href: `${base}/templates`, label: t('templates') },
      { href: `${base}/email`, label: te('nav') },
      { href: `${base}/banned-words`, label: t('bannedWords') },
      { href: `${base}/channels`, label: tch('nav') },
    ];
    if (canViewLogs(session.member, access)) links.push({ href: `${base}/access-log`, label: t('accessLog') });
    sections.push({ title: t('serviceManagement'), links });
  }
  return (
    <AppShell session={session} serviceId={service.id} sections={sections}>
      {children}
    </AppShell>
  );
}
