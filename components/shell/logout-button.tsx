'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { LogOut } from 'lucide-react';

export function LogoutButton() {
  const t = useTranslations('nav');
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/login?loggedOut=1' })}
      className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
    >
      <LogOut className="size-4" aria-hidden />
      {t('logout')}
    </button>
  );
}
