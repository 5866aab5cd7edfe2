'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { createFieldAction, updateFieldAction } from '@/app/[serviceId]/(desk)/settings/fields/actions';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormError, SelectField, TextField } from '@/components/ui/field';
import { formErrorOf } from '@/components/ui/use-form-action';
import { useToast } from '@/components/ui/toast';
import { COLUMN_STORED, REQUIRED_LOCKED, TREE_BACKED } from '@/lib/fields/system-fields';
import { FIELD_TYPES, OPTION_TYPES, VALUELESS_TYPES, type FieldType } from '@/db/values';
import { DestroyInputs } from './destroy-inputs';
import { LangInputs } from './lang-inputs';
import { OptionsEditor } from './options-editor';
import type { FieldView } from './types';

type Draft = Omit<FieldView, 'id' | 'isSystem' | 'defaultValue'> & { defaultValue: string };

function toDraft(field: FieldView | undefined, audience: FieldView['audience']): Draft {
  if (!field) {
    return {
      audience,
      code: '',
      type: 'text',
      names: {},
      descriptions: {},
      placeholders: {},
      visible: true,
      required: false,
      encrypted: false,
      destroyAfterDays: null,
      destroyBasis: null,
      options: [],
      maxLength: 0,
      defaultValue: '',
    };
  }
  const dv = field.defaultValue;
  return { ...field, defaultValue: dv === null ? '' : Array.isArray(dv) ? dv.join(',') : String(dv) };
}

/** The 필드 추가 / 수정 form; type and code are chosen once, at creation. */
export function FieldEditor({
  serviceId,
  languages,
  audience,
  field,
  onDone,
}: {
  serviceId: string;
  languages: string[];
  audience: FieldView['audience'];
  field?: FieldView;
  onDone: () => void;
}) {
  const t = useTranslations('fields');
  const tr = useTranslations('fieldRules');
  const tc = useTranslations('common');
  const [d, setD] = useState<Draft>(() => toDraft(field, audience));
  const [errors, setErrors] = useState<{ form?: string; fields?: Record<string, string[]> }>({});
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const patch = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const hasOptions = OPTION_TYPES.includes(d.type) && !TREE_BACKED.has(d.code);
  const holdsValue = !VALUELESS_TYPES.includes(d.type);
  const locked = REQUIRED_LOCKED.has(d.code) && field?.isSystem;

  function submit() {
    start(async () => {
      const common = {
        serviceId,
        names: d.names,
        descriptions: d.descriptions,
        placeholders: d.placeholders,
        visible: d.visible,
        required: d.required,
        // Stored as ticket columns: never encrypted or destroyed field by field.
        encrypted: COLUMN_STORED.has(d.code) ? false : d.encrypted,
        destroyAfterDays: COLUMN_STORED.has(d.code) ? null : d.destroyAfterDays,
        destroyBasis: COLUMN_STORED.has(d.code) ? null : d.destroyBasis,
        options: d.options,
        maxLength: d.maxLength,
        defaultValue:
          d.type === 'checkbox' && d.defaultValue ? d.defaultValue.split(',').map((s) => s.trim()) : d.defaultValue,
      };
      const r = field
        ? await updateFieldAction(null, { ...common, fieldId: field.id })
        : await createFieldAction(null, { ...common, audience, type: d.type, code: d.code });
      if (!r.ok) return setErrors({ form: formErrorOf(r) ?? undefined, fields: r.fieldErrors });
      toast(field ? t('saved') : t('created', { code: r.data.code }));
      router.refresh();
      onDone();
    });
  }

  const fe = errors.fields;
  return (
    <form className="space-y-4" noValidate onSubmit={(e) => (e.preventDefault(), submit())}>
      <SelectField
        label={t('type')}
        value={d.type}
        disabled={Boolean(field)}
        errors={fe?.type}
        onChange={(e) => patch({ type: e.target.value as FieldType })}
      >
        {FIELD_TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`types.${ty}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('code')}
        value={d.code}
        disabled={Boolean(field)}
        required
        help={t('codeHelp')}
        maxLength={50}
        errors={fe?.code}
        onChange={(e) => patch({ code: e.target.value })}
      />
      <LangInputs
        label={t('name')}
        languages={languages}
        value={d.names}
        onChange={(names) => patch({ names })}
        errors={fe?.names}
        maxLength={100}
        required
      />
      <LangInputs
        label={t('description')}
        languages={languages}
        value={d.descriptions}
        onChange={(descriptions) => patch({ descriptions })}
        errors={fe?.descriptions}
        maxLength={2000}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <CheckboxField
          label={t('visible')}
          checked={d.visible}
          onChange={(e) => patch({ visible: e.target.checked })}
        />
        <CheckboxField
          label={t('required')}
          checked={d.required}
          disabled={Boolean(locked) || d.type === 'caption'}
          help={locked ? t('requiredLocked') : undefined}
          errors={fe?.required}
          onChange={(e) => patch({ required: e.target.checked })}
        />
      </div>
      {holdsValue && COLUMN_STORED.has(d.code) && (
        <div className="space-y-1" data-testid="pii-locked">
          <CheckboxField
            label={t('encrypted')}
            checked={false}
            disabled
            help={tr('columnLocked')}
            onChange={() => {}}
          />
        </div>
      )}
      {holdsValue && !COLUMN_STORED.has(d.code) && (
        <>
          <CheckboxField
            label={t('encrypted')}
            help={t('encryptedHelp')}
            checked={d.encrypted}
            errors={fe?.encrypted}
            onChange={(e) => patch({ encrypted: e.target.checked })}
          />
          <DestroyInputs
            days={d.destroyAfterDays}
            basis={d.destroyBasis}
            errors={fe?.destroyAfterDays ?? fe?.destroyBasis}
            onChange={(destroyAfterDays, destroyBasis) => patch({ destroyAfterDays, destroyBasis })}
          />
        </>
      )}
      <fieldset className="space-y-3 border-t border-slate-200 pt-3">
        <legend className="text-sm font-semibold text-slate-800">{t('details')}</legend>
        {(d.type === 'text' || d.type === 'textarea') && (
          <>
            <LangInputs
              label={t('placeholder')}
              languages={languages}
              value={d.placeholders}
              onChange={(placeholders) => patch({ placeholders })}
              errors={fe?.placeholders}
              maxLength={500}
            />
            <TextField
              label={t('maxLength')}
              type="number"
              min={0}
              max={100000}
              help={t('maxLengthHelp')}
              value={d.maxLength}
              errors={fe?.maxLength}
              onChange={(e) => patch({ maxLength: Number(e.target.value) || 0 })}
            />
          </>
        )}
        {hasOptions && (
          <OptionsEditor
            languages={languages}
            options={d.options}
            errors={fe?.options}
            onChange={(options) => patch({ options })}
          />
        )}
        {TREE_BACKED.has(d.code) && <p className="text-xs text-slate-500">{t('treeBacked')}</p>}
        {holdsValue && d.type !== 'agree' && !TREE_BACKED.has(d.code) && (
          <TextField
            label={t('defaultValue')}
            value={d.defaultValue}
            maxLength={500}
            errors={fe?.defaultValue}
            onChange={(e) => patch({ defaultValue: e.target.value })}
          />
        )}
      </fieldset>
      <FormError message={errors.form} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {tc('cancel')}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
