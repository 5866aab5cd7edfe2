'use client';

import { useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

type Extra = { id: string; label: string; content: ReactNode };

/** 대화 / 히스토리 tabs, plus any extra tab (Dooray 대화 내역); WAI-ARIA tabs, arrow keys move between them. */
export function TicketTabs({
  labels,
  conversation,
  history,
  extra = [],
}: {
  labels: { conversation: string; history: string };
  conversation: ReactNode;
  history: ReactNode;
  extra?: Extra[];
}) {
  const tabs: Extra[] = [
    { id: 'conversation', label: labels.conversation, content: conversation },
    { id: 'history', label: labels.history, content: history },
    ...extra,
  ];
  const [tab, setTab] = useState('conversation');
  const move = (step: number) =>
    setTab(tabs[(tabs.findIndex((x) => x.id === tab) + step + tabs.length) % tabs.length].id);
  return (
    <section>
      <div
        role="tablist"
        className="mb-3 flex gap-1 border-b border-slate-200"
        onKeyDown={(e) => (e.key === 'ArrowRight' ? move(1) : e.key === 'ArrowLeft' ? move(-1) : undefined)}
      >
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            id={`tab-${id}`}
            role="tab"
            type="button"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            className={cn(
              '-mb-px border-b-2 px-4 py-2 text-sm',
              tab === id
                ? 'border-brand-600 font-medium text-brand-700'
                : 'border-transparent text-slate-600 hover:text-slate-900',
            )}
          >
            {label}
          </button>
        ))}
      </div>
      {tabs.map(({ id, content }) => (
        <div key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id}>
          {content}
        </div>
      ))}
    </section>
  );
}
