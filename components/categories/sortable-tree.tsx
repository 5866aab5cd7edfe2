'use client';

import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ChevronDown, ChevronRight, GripVertical } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { cn } from '@/components/ui/cn';
import { useSortableList } from '@/components/ui/use-sortable-list';
import type { CategoryNode } from '@/lib/categories/tree-build';
import { InlineName } from './inline-name';
import { useTreeCtx } from './tree-context';

/**
 * One sibling list with its own DndContext: a category moves only among its siblings, by
 * pointer or keyboard (focus the handle, Space, arrows, Space).
 */
export function SiblingList({ nodes, parentId }: { nodes: CategoryNode[]; parentId: string | null }) {
  const ctx = useTreeCtx();
  const ids = nodes.map((n) => n.id);
  const { sensors, accessibility } = useSortableList(
    (id) => nodes.find((n) => n.id === id)?.label ?? '',
    (id) => ids.indexOf(String(id)) + 1,
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    ctx.reorder(parentId, arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={accessibility}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul className={cn(parentId && 'ml-6 border-l border-slate-200 pl-2')}>
          {nodes.map((n) => (
            <SortableRow key={n.id} node={n} />
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}

const SortableRow = memo(function SortableRow({ node }: { node: CategoryNode }) {
  const t = useTranslations('categories');
  const ctx = useTreeCtx();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: node.id,
  });
  const open = ctx.expanded.has(node.id);
  const selected = ctx.selectedId === node.id;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(isDragging && 'relative z-10 opacity-80')}
    >
      <div
        data-testid={`category-row-${node.name}`}
        aria-current={selected ? 'true' : undefined}
        className={cn(
          'group flex items-center gap-1 rounded px-1 py-1',
          selected ? 'bg-brand-50 ring-1 ring-brand-300' : 'hover:bg-slate-50',
        )}
      >
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('dragHandle', { name: node.label })}
          className="cursor-grab rounded p-0.5 text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <GripVertical className="size-4" />
        </button>
        {node.children.length > 0 ? (
          <button
            type="button"
            onClick={() => ctx.toggle(node.id)}
            aria-expanded={open}
            aria-label={open ? t('collapse', { name: node.label }) : t('expand', { name: node.label })}
            className="rounded p-0.5 text-slate-500 hover:bg-slate-100"
          >
            {open ? <ChevronDown className="size-4" /> : <ChevronRight className="size-4" />}
          </button>
        ) : (
          <span className="inline-block w-5" aria-hidden />
        )}
        <InlineName node={node} />
        <span className="text-xs text-slate-400">{t('levelShort', { depth: node.depth })}</span>
        {ctx.kind === 'intake' && (
          <button
            type="button"
            role="switch"
            aria-checked={node.active}
            aria-label={t('activeToggle', { name: node.label })}
            onClick={() => ctx.setActive(node, !node.active)}
            className={cn(
              'relative ml-2 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors',
              node.active ? 'bg-brand-600' : 'bg-slate-300',
            )}
          >
            <span
              className={cn(
                'inline-block size-4 rounded-full bg-white shadow transition-transform',
                node.active ? 'translate-x-4' : 'translate-x-0.5',
              )}
            />
          </button>
        )}
      </div>
      {open && node.children.length > 0 && <SiblingList nodes={node.children} parentId={node.id} />}
    </li>
  );
});
