'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { createTemplateAction, updateTemplateAction } from '@/app/[serviceId]/(desk)/settings/templates/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError, TextField } from '@/components/ui/field';
import { BodyEditor, type BodyEditorHandle } from '@/components/ui/rich-text-editor';
import { useToast } from '@/components/ui/toast';
import { useSavingFormAction } from '@/components/ui/use-form-action';
import type { TemplateRow, TypeOption } from './types';

type Props = {
  serviceId: string;
  editorType: 'html' | 'text';
  codes: string[];
  types: TypeOption[];
  template?: TemplateRow;
  onClose: () => void;
};

function TypeList({
  label,
  options,
  selected,
  onSelect,
  empty,
  testId,
}: {
  label: string;
  options: TypeOption[];
  selected: string | null;
  onSelect: (id: string) => void;
  empty: string;
  testId: string;
}) {
  return (
    <div className="min-w-0 flex-1">
      <p className="mb-1 text-xs font-medium text-slate-600">{label}</p>
      <ul
        role="listbox"
        aria-label={label}
        className="h-40 overflow-y-auto rounded-md border border-slate-300 bg-white p-1 text-sm"
        data-testid={testId}
      >
        {options.length === 0 && <li className="px-2 py-1 text-slate-400">{empty}</li>}
        {options.map((o) => (
          <li
            key={o.id}
            role="option"
            aria-selected={selected === o.id}
            tabIndex={0}
            onClick={() => onSelect(o.id)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(o.id))}
            className={`cursor-pointer truncate rounded px-2 py-1 ${selected === o.id ? 'bg-brand-100 text-brand-800' : 'hover:bg-slate-50'}`}
            style={{ paddingLeft: `${0.5 + (o.depth - 1) * 0.75}rem` }}
            title={o.path}
          >
            {o.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * 템플릿 추가 / 수정: 구분, 제목, 내용 (substitution codes on the right insert at the cursor on
 * double-click), 검색 코드 and 템플릿 연결 (processing types, moved with [>] / [<]).
 */
export function TemplateDialog({ serviceId, editorType, codes, types, template, onClose }: Props) {
  const t = useTranslations('templates');
  const tc = useTranslations('common');
  const toast = useToast();
  const contentId = useId();
  const contentRef = useRef<BodyEditorHandle>(null);
  const [linked, setLinked] = useState<string[]>(template?.links.map((l) => l.id) ?? []);
  const [left, setLeft] = useState<string | null>(null);
  const [right, setRight] = useState<string | null>(null);
  const readOnly = Boolean(template && !template.editable);
  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(
    (prev, fd) => (template ? updateTemplateAction(prev, fd) : createTemplateAction(prev, fd)),
    (data) => {
      onClose();
      toast(template ? t('updated') : t('created', { title: data.title }));
    },
  );
  const available = types.filter((o) => !linked.includes(o.id));
  const chosen = linked.map((id) => types.find((o) => o.id === id)).filter((o): o is TypeOption => Boolean(o));

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={readOnly ? t('viewTitle') : template ? t('editTitle') : t('addTitle')}
      size="lg"
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <input type="hidden" name="serviceId" value={serviceId} />
        {template && <input type="hidden" name="id" value={template.id} />}
        {linked.map((id) => (
          <input key={id} type="hidden" name="categoryIds[]" value={id} />
        ))}
        {readOnly && <p className="rounded bg-amber-50 p-2 text-sm text-amber-800">{t('readOnly')}</p>}
        <fieldset disabled={readOnly} className="space-y-4">
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t('scope')}</legend>
            <div className="flex gap-4 text-sm">
              {(['service', 'shared'] as const).map((s) => (
                <label key={s} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="scope"
                    value={s}
                    defaultChecked={(template?.scope ?? 'service') === s}
                    className="accent-brand-600"
                  />
                  {s === 'service' ? t('scopeService') : t('scopeShared')}
                  <span className="text-xs text-slate-500">
                    ({s === 'service' ? t('scopeServiceHelp') : t('scopeSharedHelp')})
                  </span>
                </label>
              ))}
            </div>
            {fe?.scope?.map((e) => (
              <p key={e} role="alert" className="text-xs text-red-600">
                {e}
              </p>
            ))}
          </fieldset>
          <TextField
            name="title"
            label={t('titleLabel')}
            defaultValue={template?.title}
            required
            errors={fe?.title}
            maxLength={100}
            autoComplete="off"
          />
          <div className="flex gap-3">
            <div className="min-w-0 flex-1 space-y-1">
              <label id={`${contentId}-label`} htmlFor={contentId} className="block text-sm font-medium text-slate-700">
                {editorType === 'html' ? t('contentHtml') : t('content')}
              </label>
              <BodyEditor
                html={editorType === 'html'}
                id={contentId}
                labelledBy={`${contentId}-label`}
                ref={contentRef}
                name="content"
                rows={10}
                defaultValue={template?.content}
                invalid={Boolean(fe?.content?.length)}
              />
              {fe?.content?.map((e) => (
                <p key={e} role="alert" className="text-xs text-red-600">
                  {e}
                </p>
              ))}
            </div>
            <div className="w-40 shrink-0">
              <p className="mb-1 text-sm font-medium text-slate-700">{t('codes')}</p>
              <ul
                aria-label={t('codes')}
                className="h-52 overflow-y-auto rounded-md border border-slate-300 bg-white p-1 font-mono text-xs"
                data-testid="substitution-codes"
              >
                {codes.map((c) => (
                  <li key={c}>
                    <button
                      type="button"
                      className="w-full rounded px-1.5 py-0.5 text-left hover:bg-slate-100"
                      onDoubleClick={() => contentRef.current?.insert(`#{${c}}`)}
                      onKeyDown={(e) =>
                        e.key === 'Enter' && (e.preventDefault(), contentRef.current?.insert(`#{${c}}`))
                      }
                    >{`#{${c}}`}</button>
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-xs text-slate-500">{t('codesHelp')}</p>
            </div>
          </div>
          <TextField
            name="searchCode"
            label={t('searchCode')}
            help={t('searchCodeHelp')}
            defaultValue={template?.searchCode ?? ''}
            errors={fe?.searchCode}
            maxLength={40}
            autoComplete="off"
          />
        </fieldset>
        <fieldset disabled={pending || readOnly}>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('links')}</legend>
          <p className="mb-2 text-xs text-slate-500">{t('linksHelp')}</p>
          <div className="flex items-center gap-2">
            <TypeList
              label={t('types')}
              options={available}
              selected={left}
              onSelect={setLeft}
              empty={t('noTypes')}
              testId="template-types"
            />
            <div className="flex flex-col gap-2">
              <Button
                size="sm"
                variant="secondary"
                disabled={!left}
                aria-label={t('link')}
                title={t('link')}
                onClick={() => {
                  if (left) setLinked([...linked, left]);
                  setLeft(null);
                }}
              >
                <ChevronRight className="size-4" aria-hidden />
              </Button>
              <Button
                size="sm"
                variant="secondary"
                disabled={!right}
                aria-label={t('unlink')}
                title={t('unlink')}
                onClick={() => {
                  setLinked(linked.filter((x) => x !== right));
                  setRight(null);
                }}
              >
                <ChevronLeft className="size-4" aria-hidden />
              </Button>
            </div>
            <TypeList
              label={t('linked')}
              options={chosen}
              selected={right}
              onSelect={setRight}
              empty={t('noLinked')}
              testId="template-linked"
            />
          </div>
          {fe?.categoryIds?.map((e) => (
            <p key={e} role="alert" className="text-xs text-red-600">
              {e}
            </p>
          ))}
        </fieldset>
        <FormError message={formError} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {tc('cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" disabled={pending}>
              {pending ? tc('saving') : tc('save')}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
