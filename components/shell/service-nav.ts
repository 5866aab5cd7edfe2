import 'server-only';
import { getTranslations } from 'next-intl/server';
import { canViewLogs, type ServiceAccess } from '@/lib/auth/access';
import type { AuthSession } from '@/lib/auth/sessions';
import type { NavSection } from './app-shell';

/**
 * The side menu of one service: ticket menus for everyone, 서비스 관리 for its admins. Menus
 * only hide what cannot be opened; every settings page and action checks again.
 */
export async function serviceNav(access: ServiceAccess & { session: AuthSession }): Promise<NavSection[]> {
  const { session, service, role } = access;
  const t = await getTranslations('nav');
  const tch = await getTranslations('channels');
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
      { href: `${base}/email`, label: (await getTranslations('email'))('nav') },
      { href: `${base}/banned-words`, label: t('bannedWords') },
      { href: `${base}/auth`, label: (await getTranslations('apiAuth'))('nav') },
      { href: `${base}/channels`, label: tch('nav') },
    ];
    if (canViewLogs(session.member, access)) links.push({ href: `${base}/access-log`, label: t('accessLog') });
    sections.push({ title: t('serviceManagement'), links });
  }
  return sections;
}
