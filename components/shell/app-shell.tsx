import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Service } from '@/db/schema';
import type { AuthSession } from '@/lib/auth/sessions';
import { devMailEnabled } from '@/lib/mail/dev-outbox';
import { LogoutButton } from './logout-button';
import { NavLink } from './nav-link';
import { ServiceSwitcher } from './service-switcher';

export type NavSection = { title: string; links: { href: string; label: string; exact?: boolean }[] };

/**
 * Header (service switcher, member name → personal settings, logout) and the side menu.
 * Menus list only what is built and what the member may open; `services` are the ones the
 * member may open (listAccessibleServices), loaded by the page.
 */
export async function AppShell({
  session,
  services,
  serviceId,
  sections,
  children,
}: {
  session: AuthSession;
  services: Pick<Service, 'id' | 'name'>[];
  serviceId?: string;
  sections: NavSection[];
  children: ReactNode;
}) {
  const t = await getTranslations('nav');
  const org: NavSection | null = session.member.isOrgAdmin
    ? {
        title: t('orgManagement'),
        links: [
          { href: '/admin/services', label: t('services') },
          { href: '/admin/members', label: t('members') },
          { href: '/admin/pii-ledger', label: t('piiLedger') },
        ],
      }
    : null;
  const dev: NavSection | null =
    session.member.isOrgAdmin && devMailEnabled()
      ? { title: 'Dev', links: [{ href: '/dev/mail', label: t('devMail') }] }
      : null;
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('skipToContent')}
      </a>
      <header className="flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4">
        <div className="flex items-center gap-4">
          <Link href="/" className="font-semibold text-brand-700">
            Contact Desk
          </Link>
          <ServiceSwitcher services={services} current={serviceId} />
        </div>
        <div className="flex items-center gap-2">
          <Link
            href={serviceId ? `/me?service=${encodeURIComponent(serviceId)}` : '/me'}
            className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
            title={t('personalSettings')}
          >
            {session.member.name}
          </Link>
          <LogoutButton />
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <nav
          aria-label={t('menu')}
          className="border-b border-slate-200 bg-white p-3 md:w-56 md:shrink-0 md:border-r md:border-b-0"
        >
          {[...sections, ...(org ? [org] : []), ...(dev ? [dev] : [])].map((s) => (
            <div key={s.title} className="mb-4">
              <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{s.title}</p>
              {s.links.map((l) => (
                <NavLink key={l.href} href={l.href} exact={l.exact}>
                  {l.label}
                </NavLink>
              ))}
            </div>
          ))}
        </nav>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
