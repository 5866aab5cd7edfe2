import type { ReactNode } from 'react';
import { GuestLocaleSwitch } from './guest-locale-switch';

/** The centered card of the pages seen before login (login, invite), with the language switch. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <GuestLocaleSwitch />
        <p className="text-sm font-semibold text-brand-700">Contact Desk</p>
        {children}
      </div>
    </main>
  );
}
