'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { CategoryNode } from '@/lib/categories/tree-build';
import { useTreeCtx } from './tree-context';

/**
 * The name of a row. Intake types are renamed in place (SPEC §4): double-click or F2 opens a
 * text box; Enter or leaving the box saves, Esc cancels. Processing types use the edit button.
 */
export function InlineName({ node }: { node: CategoryNode }) {
  const t = useTranslations('categories');
  const ctx = useTreeCtx();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);
  const editable = ctx.kind === 'intake';
  const fallback = ctx.lang !== ctx.defaultLang && !node.names[ctx.lang];

  const finish = async (value: string | null) => {
    if (done.current) return;
    done.current = true;
    if (value === null || value.trim() === node.label.trim()) {
      setEditing(false);
      setError(null);
      return;
    }
    const err = await ctx.rename(node, value);
    if (err) {
      setError(err);
      done.current = false;
    } else {
      setEditing(false);
      setError(null);
    }
  };

  if (editing) {
    return (
      <span className="flex flex-1 flex-col">
        <input
          autoFocus
          defaultValue={fallback ? '' : node.label}
          placeholder={node.name}
          maxLength={150}
          aria-label={t('renameLabel', { name: node.label, lang: ctx.lang })}
          aria-invalid={error ? true : undefined}
          className={cn('rounded border px-2 py-0.5 text-sm', error ? 'border-red-500' : 'border-brand-500')}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') {
              e.preventDefault();
              void finish(e.currentTarget.value);
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              void finish(null);
            }
          }}
          onBlur={(e) => void finish(e.currentTarget.value)}
        />
        {error && (
          <span role="alert" className="text-xs text-red-600">
            {error}
          </span>
        )}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={cn(
        'flex-1 truncate text-left text-sm',
        fallback && 'text-slate-400 italic',
        !node.active && ctx.kind === 'intake' && 'text-slate-500',
      )}
      title={editable ? t('renameHint') : undefined}
      onClick={() => ctx.select(node.id)}
      onDoubleClick={() => {
        if (!editable) return;
        done.current = false;
        setEditing(true);
      }}
      onKeyDown={(e) => {
        if (editable && e.key === 'F2') {
          done.current = false;
          setEditing(true);
        }
      }}
    >
      {node.label}
      {fallback && <span className="sr-only"> ({t('fallbackName')})</span>}
    </button>
  );
}
