'use client';

import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { createTriggerAction, updateTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { ConditionRow } from './condition-row';
import { firesOnlyOnReplies } from '@/lib/substitution/code-list';
import { ResultRow } from './result-row';
import { emptyResult } from './results/choices';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import type { ConditionDraft, TriggerDraft } from './types';

const newCondition = (): ConditionDraft => ({ mode: 'all', target: 'event', operator: 'is', value: 'created' });

/** 트리거 추가/수정: title, condition rows and result rows; saved as a whole and validated on the server. */
export function TriggerEditor({ options, initial }: { options: EditorOptions; initial?: TriggerDraft }) {
  const t = useTranslations('triggers');
  const router = useRouter();
  const toast = useToast();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [conditions, setConditions] = useState<ConditionDraft[]>(initial?.conditions ?? [newCondition()]);
  const [results, setResults] = useState(initial?.results ?? [emptyResult('assign')]);
  const [errors, setErrors] = useState<{ form?: string; fields: Record<string, string[]> }>({ fields: {} });
  const [pending, start] = useTransition();
  const list = `/${options.serviceId}/settings/triggers`;
  const resultOptions = { ...options, replyContext: firesOnlyOnReplies(conditions) };

  const save = () =>
    start(async () => {
      const input = { serviceId: options.serviceId, title, conditions: conditions as never, results };
      const r = initial?.id
        ? await updateTriggerAction(null, { ...input, triggerId: initial.id })
        : await createTriggerAction(null, input);
      if (r.ok) {
        toast(t('saved', { title }));
        router.push(list);
        router.refresh();
      } else setErrors({ form: r.error, fields: r.fieldErrors ?? {} });
    });

  return (
    <form
      className="max-w-5xl space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <TextField
        label={t('title')}
        required
        maxLength={100}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        errors={errors.fields.title}
      />
      <section aria-labelledby="trigger-conditions" className="space-y-2">
        <h2 id="trigger-conditions" className="text-base font-semibold">
          {t('conditions.heading')}
        </h2>
        <p className="text-xs text-slate-500">{t('conditions.help')}</p>
        {errors.fields.conditions?.map((e) => (
          <p key={e} role="alert" className="text-xs text-red-600">
            {e}
          </p>
        ))}
        <ul className="space-y-2">
          {conditions.map((c, i) => (
            <ConditionRow
              key={i}
              index={i}
              row={c}
              options={options}
              errors={errors.fields[`conditions.${i}`]}
              onChange={(row) => setConditions(conditions.map((x, k) => (k === i ? row : x)))}
              onRemove={() => setConditions(conditions.filter((_, k) => k !== i))}
            />
          ))}
        </ul>
        <Button size="sm" variant="secondary" onClick={() => setConditions([...conditions, newCondition()])}>
          <Plus className="size-4" aria-hidden />
          {t('conditions.add')}
        </Button>
      </section>
      <section aria-labelledby="trigger-results" className="space-y-2">
        <h2 id="trigger-results" className="text-base font-semibold">
          {t('results.heading')}
        </h2>
        {errors.fields.results?.map((e) => (
          <p key={e} role="alert" className="text-xs text-red-600">
            {e}
          </p>
        ))}
        <ul className="space-y-2">
          {results.map((r, i) => (
            <ResultRow
              key={i}
              index={i}
              row={r}
              options={resultOptions}
              triggerId={initial?.id}
              errors={errors.fields[`results.${i}`]}
              onChange={(row) => setResults(results.map((x, k) => (k === i ? row : x)))}
              onRemove={() => setResults(results.filter((_, k) => k !== i))}
            />
          ))}
        </ul>
        <Button size="sm" variant="secondary" onClick={() => setResults([...results, emptyResult('assign')])}>
          <Plus className="size-4" aria-hidden />
          {t('results.add')}
        </Button>
      </section>
      <FormError message={errors.form} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <Button variant="secondary" onClick={() => router.push(list)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
