'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { testRunAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import type { TestRunResult } from '@/lib/triggers/test-run';

/** 테스트 실행: pick a ticket and an event, see what would fire and what each result would do; nothing is changed or sent. */
export function TestRunPanel({ serviceId }: { serviceId: string }) {
  const t = useTranslations('triggers.testRun');
  const tr = useTranslations('triggers');
  const [number, setNumber] = useState('');
  const [event, setEvent] = useState<'created' | 'updated' | 'customer_reply' | 'agent_reply'>('updated');
  const [result, setResult] = useState<TestRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const show = (v: unknown) =>
    v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? (result?.names[v] ?? v) : String(v);
  const run = () =>
    start(async () => {
      const r = await testRunAction(null, { serviceId, ticketNumber: number, event });
      if (r.ok) {
        setResult(r.data);
        setError(null);
      } else {
        setResult(null);
        setError(r.fieldErrors?.ticketNumber?.[0] ?? r.error);
      }
    });
  return (
    <section aria-labelledby="test-run" className="space-y-3 rounded-md border border-slate-200 p-4">
      <h2 id="test-run" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('help')}</p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <label className="text-sm">
          <span className="block text-slate-700">{t('ticket')}</span>
          <input
            className="w-28 rounded-md border border-slate-300 px-2 py-1.5"
            inputMode="numeric"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <label className="text-sm">
          <span className="block text-slate-700">{t('event')}</span>
          <select
            className="rounded-md border border-slate-300 px-2 py-1.5"
            value={event}
            onChange={(e) => setEvent(e.target.value as typeof event)}
          >
            {(['created', 'updated', 'customer_reply', 'agent_reply'] as const).map((e) => (
              <option key={e} value={e}>
                {tr(`events.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm" disabled={pending || !number}>
          {t('run')}
        </Button>
      </form>
      <FormError message={error} />
      {result && (
        <div role="status" className="space-y-2 text-sm" data-testid="test-run-result">
          <p>
            {t('summary', { number: result.ticketNumber, evaluated: result.evaluated, fired: result.fired.length })}
          </p>
          <ol className="space-y-2">
            {result.fired.map((f) => (
              <li key={f.triggerId} className="rounded-md bg-slate-50 p-2">
                <p className="font-medium">{f.title}</p>
                <ul className="ml-4 list-disc">
                  {f.results.map((r, i) => (
                    <li key={i}>
                      {tr(`results.types.${r.type === 'forward' ? 'forward' : r.type}`)}: {tr(`outcomes.${r.outcome}`)}
                      {r.reason && ` (${tr(`reasons.${r.reason}`)})`}
                      {r.changes.map((c, k) => (
                        <span key={k} className="block text-xs text-slate-600">
                          {tr(`fieldNames.${c.field}`)}: {show(c.before)} → {show(c.after)}
                        </span>
                      ))}
                      {r.sends.map((s, k) => (
                        <span key={k} className="block text-xs text-slate-600">
                          {tr(`deliveryKinds.${s.kind}`)} → {s.target}: {s.summary}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
