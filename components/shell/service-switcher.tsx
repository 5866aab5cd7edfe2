'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** Jumps to another service the member can open. */
export function ServiceSwitcher({ services, current }: { services: { id: string; name: string }[]; current?: string }) {
  const router = useRouter();
  const t = useTranslations('nav');
  if (services.length === 0) return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t('serviceSwitcher')}</span>
      <select
        aria-label={t('serviceSwitcher')}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        value={current ?? ''}
        onChange={(e) => e.target.value && router.push(`/${e.target.value}`)}
      >
        {!current && <option value="">{t('serviceSwitcher')}</option>}
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.id})
          </option>
        ))}
      </select>
    </label>
  );
}
