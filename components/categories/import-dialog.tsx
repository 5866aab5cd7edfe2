'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import {
  applyCategoryImportAction,
  previewCategoryImportAction,
} from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import type { CategoryKind } from '@/db/values';
import type { ImportPreview } from '@/lib/categories/import-preview';

type Props = { serviceId: string; kind: CategoryKind; limits: { mb: number; rows: number }; onClose: () => void };

/** Upload → preview (adds, renames, moves, switches, row errors) → apply in one transaction. */
export function ImportDialog({ serviceId, kind, limits, onClose }: Props) {
  const t = useTranslations('categories.import');
  const tc = useTranslations('common');
  const te = useTranslations('categories.import.errors');
  const tv = useTranslations();
  const toast = useToast();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const form = () => {
    const fd = new FormData();
    fd.set('serviceId', serviceId);
    fd.set('kind', kind);
    fd.set('file', file!);
    return fd;
  };
  const run = async (apply: boolean) => {
    if (!file) return;
    setPending(true);
    setError(null);
    const r = apply ? await applyCategoryImportAction(null, form()) : await previewCategoryImportAction(null, form());
    setPending(false);
    if (!r.ok) {
      setError(r.fieldErrors?.file?.[0] ?? r.error);
      return;
    }
    if (apply) {
      toast(t('applied'));
      onClose();
    } else setPreview(r.data as ImportPreview);
  };
  const changes = preview
    ? preview.adds.length + preview.renames.length + preview.moves.length + preview.activations.length
    : 0;
  const section = (title: string, list: ImportPreview['adds'], detail: (c: ImportPreview['adds'][number]) => string) =>
    list.length > 0 && (
      <div>
        <h3 className="text-sm font-medium text-slate-800">
          {title} ({list.length})
        </h3>
        <ul className="mt-1 max-h-32 overflow-y-auto text-xs text-slate-700">
          {list.slice(0, 200).map((c) => (
            <li key={`${c.row}-${c.id}`}>
              {t('rowN', { row: c.row })}: {detail(c)}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('title')}
      description={t('help', { mb: limits.mb, rows: limits.rows })}
    >
      <div className="space-y-4">
        <div className="space-y-1">
          <label htmlFor="category-import-file" className="block text-sm font-medium text-slate-700">
            {t('file')}
          </label>
          <input
            id="category-import-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block w-full text-sm"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0] ?? null;
              setPreview(null);
              setError(null);
              if (f && f.size > limits.mb * 1024 * 1024) {
                setError(t('tooBig', { mb: limits.mb }));
                setFile(null);
              } else setFile(f);
            }}
          />
        </div>
        {preview && (
          <div className="space-y-3 rounded border border-slate-200 p-3" data-testid="import-preview">
            <p className="text-sm text-slate-700">
              {t('summary', {
                rows: preview.rows,
                adds: preview.adds.length,
                renames: preview.renames.length,
                moves: preview.moves.length,
                switches: preview.activations.length,
              })}
            </p>
            {section(t('adds'), preview.adds, (c) => c.path)}
            {section(t('renames'), preview.renames, (c) => `${c.from} → ${c.to}`)}
            {section(t('moves'), preview.moves, (c) => `${c.from} → ${c.path}`)}
            {section(t('switches'), preview.activations, (c) => `${c.path}: ${c.to}`)}
            {preview.errors.length > 0 && (
              <div role="alert">
                <h3 className="text-sm font-medium text-red-700">
                  {t('errorsTitle', { count: preview.errors.length })}
                </h3>
                <ul className="mt-1 max-h-40 overflow-y-auto text-xs text-red-700">
                  {preview.errors.slice(0, 200).map((e, i) => (
                    <li key={i}>
                      {t('rowN', { row: e.row })}:{' '}
                      {te(e.key, {
                        ...e.params,
                        reason: e.params?.reason ? tv(String(e.params.reason), { max: 100 }) : '',
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.errors.length === 0 && changes === 0 && <p className="text-sm text-slate-600">{t('nothing')}</p>}
          </div>
        )}
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {tc('cancel')}
          </Button>
          {!preview || preview.errors.length > 0 ? (
            <Button onClick={() => run(false)} disabled={!file || pending}>
              {pending ? tc('loading') : t('preview')}
            </Button>
          ) : (
            <Button onClick={() => run(true)} disabled={pending || changes === 0}>
              {pending ? tc('saving') : t('apply', { count: changes })}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
