'use client';

import { useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** 대화 / 히스토리 tabs (WAI-ARIA tabs, arrow keys move between them). */
export function TicketTabs({ labels, conversation, history }: { labels: { conversation: string; history: string }; conversation: ReactNode; history: ReactNode }) {
  const [tab, setTab] = useState<'conversation' | 'history'>('conversation');
  const tabs = ['conversation', 'history'] as const;
  return (
    <section>
      <div role="tablist" className="mb-3 flex gap-1 border-b border-slate-200" onKeyDown={(e) => (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && setTab(tab === 'conversation' ? 'history' : 'conversation')}>
        {tabs.map((id) => (
          <button key={id} id={`tab-${id}`} role="tab" type="button" aria-selected={tab === id} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)} className={cn('-mb-px border-b-2 px-4 py-2 text-sm', tab === id ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900')}>
            {labels[id]}
          </button>
        ))}
      </div>
      <div id="panel-conversation" role="tabpanel" aria-labelledby="tab-conversation" hidden={tab !== 'conversation'}>{conversation}</div>
      <div id="panel-history" role="tabpanel" aria-labelledby="tab-history" hidden={tab !== 'history'}>{history}</div>
    </section>
  );
}
