'use client';

import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { useTransition } from 'react';
import { setGuestLocaleAction } from '@/app/login/actions';
import { cn } from '@/components/ui/cn';

/** 한국어 | English on pages seen before login. */
export function GuestLocaleSwitch() {
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div className="flex justify-end gap-1 text-xs" aria-busy={pending}>
      {(['ko', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          disabled={pending}
          onClick={() =>
            start(async () => {
              await setGuestLocaleAction(null, { locale: l });
              router.refresh();
            })
          }
          className={cn(
            'rounded px-2 py-1',
            locale === l ? 'bg-slate-100 font-semibold text-slate-900' : 'text-slate-500 hover:text-slate-800',
          )}
        >
          {l === 'ko' ? '한국어' : 'English'}
        </button>
      ))}
    </div>
  );
}
