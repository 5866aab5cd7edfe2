'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { updateLocaleAction } from '@/app/me/actions';
import { useToast } from '@/components/ui/toast';

/** Switches the UI language at once; the page re-renders in the new language. */
export function LocaleForm({ current }: { current: 'ko' | 'en' }) {
  const t = useTranslations('me');
  const tc = useTranslations('common');
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  return (
    <fieldset disabled={pending} className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t('language')}</legend>
      <p className="text-xs text-slate-500">{t('languageHelp')}</p>
      <div className="flex gap-4">
        {(['ko', 'en'] as const).map((l) => (
          <label key={l} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="locale"
              value={l}
              defaultChecked={current === l}
              className="accent-brand-600"
              onChange={() =>
                start(async () => {
                  const r = await updateLocaleAction(null, { locale: l });
                  if (r.ok) {
                    router.refresh();
                    toast(tc('saved'));
                  } else toast(r.error, 'error');
                })
              }
            />
            {l === 'ko' ? t('korean') : t('english')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
