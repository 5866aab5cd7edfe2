'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { deleteFilterAction, saveFilterAction } from '@/app/[serviceId]/(desk)/tickets/list-actions';

type Saved = { id: string; name: string; query: string };

/** 저장한 필터: my named filters of this service's list (apply = a link), and saving the current one. */
export function SavedFilters({ serviceId, query, filters }: { serviceId: string; query: string; filters: Saved[] }) {
  const t = useTranslations('savedFilters');
  const toast = useToast();
  const router = useRouter();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const base = `/${serviceId}/tickets`;
  const save = () =>
    start(async () => {
      const r = await saveFilterAction(null, { serviceId, name, query });
      if (!r.ok) return setError([...(r.fieldErrors?.name ?? []), ...(r.fieldErrors?.name ? [] : [r.error])].join(' '));
      setError(null);
      setNaming(false);
      setName('');
      toast(t('saved', { name: r.data.name }));
      router.refresh();
    });
  const remove = (f: Saved) =>
    start(async () => {
      const r = await deleteFilterAction(null, { serviceId, filterId: f.id });
      if (!r.ok) return toast(r.error, 'error');
      toast(t('deleted', { name: f.name }));
      router.refresh();
    });
  return (
    <section aria-label={t('label')} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-xs text-slate-500">{t('label')}</span>
      {filters.length === 0 && <span className="text-xs text-slate-400">{t('none')}</span>}
      {filters.map((f) => (
        <span
          key={f.id}
          className={`inline-flex items-center rounded-full border ${f.query === query ? 'border-brand-500 bg-brand-50' : 'border-slate-300 bg-white'}`}
        >
          <Link
            href={`${base}?${f.query}`}
            className="py-0.5 pr-1 pl-3 hover:underline"
            aria-current={f.query === query ? 'true' : undefined}
          >
            {f.name}
          </Link>
          <button
            type="button"
            onClick={() => remove(f)}
            disabled={pending}
            aria-label={t('delete', { name: f.name })}
            className="rounded-full p-1 text-slate-500 hover:bg-slate-100"
          >
            <X className="size-3" aria-hidden />
          </button>
        </span>
      ))}
      {naming ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label htmlFor="saved-filter-name" className="sr-only">
            {t('name')}
          </label>
          <input
            id="saved-filter-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('name')}
            maxLength={40}
            autoFocus
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'saved-filter-err' : undefined}
            className="h-8 w-40 rounded-md border border-slate-300 px-2 text-sm"
          />
          <Button type="submit" size="sm" disabled={pending}>
            {t('save')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setNaming(false);
              setError(null);
            }}
          >
            {t('cancel')}
          </Button>
          {error && (
            <span id="saved-filter-err" role="alert" className="text-xs text-red-700">
              {error}
            </span>
          )}
        </form>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setNaming(true)}>
          {t('saveCurrent')}
        </Button>
      )}
    </section>
  );
}
