'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, useTransition } from 'react';
import {
  linkedTemplatesAction,
  linkTemplatesAction,
  searchTemplatesAction,
  unlinkTemplatesAction,
} from '@/app/[serviceId]/(desk)/settings/templates/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { TemplateDialog } from './template-dialog';
import type { TemplateRow, TypeOption } from './types';

type Props = { serviceId: string; editorType: 'html' | 'text'; codes: string[]; types: TypeOption[] };
type Pickable = { id: string; title: string; searchCode: string | null; scope: string };

/** 추가 on the link tab: a searchable list of the templates the service sees, checked then confirmed. */
function PickDialog({
  serviceId,
  exclude,
  onPick,
  onClose,
}: {
  serviceId: string;
  exclude: string[];
  onPick: (ids: string[]) => Promise<string | null>;
  onClose: () => void;
}) {
  const t = useTranslations('templates');
  const tc = useTranslations('common');
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<Pickable[]>([]);
  const [checked, setChecked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [saving, startSaving] = useTransition();
  useEffect(() => {
    const timer = setTimeout(() => {
      startLoading(async () => {
        const r = await searchTemplatesAction(null, { serviceId, title: q });
        if (r.ok) setRows(r.data.rows);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [q, serviceId]);
  const shown = rows.filter((r) => !exclude.includes(r.id));
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('pickTitle')} size="lg">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('titleLabel')}
        aria-label={t('titleLabel')}
        maxLength={100}
        className="mb-2 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <ul
        className="h-64 overflow-y-auto rounded-md border border-slate-200 p-1 text-sm"
        aria-busy={loading}
        data-testid="template-pick-list"
      >
        {shown.length === 0 && <li className="px-2 py-1 text-slate-400">{loading ? tc('loading') : t('noResults')}</li>}
        {shown.map((r) => (
          <li key={r.id}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 hover:bg-slate-50">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={checked.includes(r.id)}
                onChange={() =>
                  setChecked(checked.includes(r.id) ? checked.filter((x) => x !== r.id) : [...checked, r.id])
                }
              />
              <span className="truncate">{r.title}</span>
              {r.searchCode && <span className="font-mono text-xs text-slate-500">/{r.searchCode}</span>}
              <span className="text-xs text-slate-500">
                {r.scope === 'shared' ? t('scopeShared') : t('scopeService')}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FormError message={error} />
      <div className="mt-3 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {tc('cancel')}
        </Button>
        <Button
          disabled={saving || checked.length === 0}
          onClick={() => startSaving(async () => setError(await onPick(checked)))}
        >
          {t('confirm')}
        </Button>
      </div>
    </Dialog>
  );
}

/**
 * 템플릿 연결 tab: the processing-type tree on the left; the selected type's linked templates on
 * the right with 추가 (pick dialog), 삭제 (checked ones) and 수정 (the template dialog).
 */
export function TemplateLinkTab(props: Props) {
  const { serviceId, types } = props;
  const t = useTranslations('templates');
  const tc = useTranslations('common');
  const toast = useToast();
  const [typeId, setTypeId] = useState<string | null>(null);
  const [rows, setRows] = useState<TemplateRow[]>([]);
  const [checked, setChecked] = useState<string[]>([]);
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState<TemplateRow | null>(null);
  const [loading, start] = useTransition();
  const type = types.find((x) => x.id === typeId);

  const load = useCallback(
    (id: string) =>
      start(async () => {
        const r = await linkedTemplatesAction(null, { serviceId, categoryId: id });
        if (r.ok) setRows(r.data);
        else toast(r.error, 'error');
      }),
    [serviceId, toast],
  );
  const select = (id: string) => {
    setTypeId(id);
    setChecked([]);
    load(id);
  };
  const pick = async (ids: string[]) => {
    if (!typeId) return null;
    const r = await linkTemplatesAction(null, { serviceId, categoryId: typeId, templateIds: ids });
    if (!r.ok) return r.fieldErrors?.templateIds?.[0] ?? r.error;
    setPicking(false);
    toast(t('linkedCount', { count: r.data.linked }));
    load(typeId);
    return null;
  };
  const unlink = () =>
    start(async () => {
      if (!typeId) return;
      const r = await unlinkTemplatesAction(null, { serviceId, categoryId: typeId, templateIds: checked });
      if (r.ok) {
        toast(t('unlinkedCount', { count: r.data.unlinked }));
        setChecked([]);
        const again = await linkedTemplatesAction(null, { serviceId, categoryId: typeId });
        if (again.ok) setRows(again.data);
      } else toast(r.error, 'error');
    });

  return (
    <div className="flex flex-col gap-4 md:flex-row">
      <nav aria-label={t('types')} className="w-full shrink-0 rounded-lg border border-slate-200 bg-white p-2 md:w-64">
        <p className="mb-2 px-1 text-xs font-medium text-slate-600">{t('types')}</p>
        {types.length === 0 && <p className="px-1 text-sm text-slate-400">{t('noTypes')}</p>}
        <ul className="text-sm" data-testid="link-type-tree">
          {types.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                onClick={() => select(o.id)}
                aria-current={o.id === typeId || undefined}
                className={`w-full truncate rounded py-1 pr-2 text-left ${o.id === typeId ? 'bg-brand-100 text-brand-800' : 'hover:bg-slate-50'}`}
                style={{ paddingLeft: `${0.5 + (o.depth - 1) * 0.75}rem` }}
                title={o.path}
              >
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="min-w-0 flex-1 rounded-lg border border-slate-200 bg-white p-3" aria-busy={loading}>
        {!type ? (
          <p className="text-sm text-slate-500">{t('pickType')}</p>
        ) : (
          <>
            <div className="mb-3 flex items-center justify-between gap-2">
              <h2 className="text-sm font-semibold">{t('linkedTo', { name: type.path })}</h2>
              <div className="flex gap-2">
                <Button size="sm" onClick={() => setPicking(true)}>
                  {t('add')}
                </Button>
                <Button size="sm" variant="danger" disabled={checked.length === 0 || loading} onClick={unlink}>
                  {t('delete')}
                </Button>
              </div>
            </div>
            {rows.length === 0 ? (
              <p className="text-sm text-slate-500">{loading ? tc('loading') : t('noLinkedTemplates')}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="linked-templates">
                {rows.map((r) => (
                  <li key={r.id} className="flex items-center gap-2 py-1.5">
                    <input
                      type="checkbox"
                      aria-label={`${t('select')} ${r.title}`}
                      className="size-4 accent-brand-600"
                      checked={checked.includes(r.id)}
                      onChange={() =>
                        setChecked(checked.includes(r.id) ? checked.filter((x) => x !== r.id) : [...checked, r.id])
                      }
                    />
                    <span className="flex-1 truncate">{r.title}</span>
                    {r.searchCode && <span className="font-mono text-xs text-slate-500">/{r.searchCode}</span>}
                    <span className="text-xs text-slate-500">
                      {r.scope === 'shared' ? t('scopeShared') : t('scopeService')}
                    </span>
                    <Button size="sm" variant="secondary" onClick={() => setEditing(r)}>
                      {t('edit')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      {picking && (
        <PickDialog
          serviceId={serviceId}
          exclude={rows.map((r) => r.id)}
          onPick={pick}
          onClose={() => setPicking(false)}
        />
      )}
      {editing && (
        <TemplateDialog
          {...props}
          template={editing}
          onClose={() => {
            setEditing(null);
            if (typeId) load(typeId);
          }}
        />
      )}
    </div>
  );
}
