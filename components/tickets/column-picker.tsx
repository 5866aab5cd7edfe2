'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Columns3 } from 'lucide-react';
import { useToast } from '@/components/ui/toast';
import { LIST_COLUMNS, type ListColumn } from '@/db/values';
import { setListColumnsAction } from '@/app/[serviceId]/(desk)/tickets/list-actions';

/** 표시 항목: which list columns I see; the choice is stored for me on the server (per service). */
export function ColumnPicker({
  serviceId,
  columns,
  onChange,
}: {
  serviceId: string;
  columns: ListColumn[];
  onChange: (c: ListColumn[]) => void;
}) {
  const t = useTranslations('tickets');
  const ts = useTranslations('savedFilters');
  const toast = useToast();
  const router = useRouter();
  const [, start] = useTransition();
  const toggle = (c: ListColumn) => {
    const next = LIST_COLUMNS.filter((x) => (x === c ? !columns.includes(c) : columns.includes(x)));
    const before = columns;
    onChange(next);
    start(async () => {
      const r = await setListColumnsAction(null, { serviceId, columns: next });
      if (!r.ok) {
        onChange(before);
        toast(r.error, 'error');
      } else router.refresh();
    });
  };
  return (
    <details className="relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50">
        <Columns3 className="size-4" aria-hidden />
        {ts('columns')}
      </summary>
      <fieldset className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg">
        <legend className="sr-only">{ts('columns')}</legend>
        {LIST_COLUMNS.map((c) => (
          <label key={c} className="flex items-center gap-2 rounded px-1 py-1 hover:bg-slate-50">
            <input type="checkbox" checked={columns.includes(c)} onChange={() => toggle(c)} />
            {t(`col.${c}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
