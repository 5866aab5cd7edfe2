'use client';

import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical, Lock, Plus, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { removeOwnLayoutAction, saveLayoutAction } from '@/app/[serviceId]/(desk)/settings/fields/layout-actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useSortableList } from '@/components/ui/use-sortable-list';

export type LayoutItem = { id: string; code: string; label: string; pinned: 'first' | 'last' | null };
type Props = {
  serviceId: string;
  audience: 'customer' | 'agent';
  intakeTypeId: string | null;
  source: 'own' | 'inherited' | 'default';
  fromName: string | null;
  items: LayoutItem[];
  available: LayoutItem[];
};

/**
 * One layout's ordered fields: drag (mouse or keyboard) to reorder the middle part, add from
 * the defined fields, remove; pinned fields stay put. Every change saves at once.
 */
export function LayoutEditor({ serviceId, audience, intakeTypeId, source, fromName, items, available }: Props) {
  const t = useTranslations('fields.layout');
  const [list, setList] = useState(items);
  const [adding, setAdding] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const first = list.filter((i) => i.pinned === 'first');
  const last = list.filter((i) => i.pinned === 'last');
  const middle = list.filter((i) => !i.pinned);
  const { sensors, accessibility } = useSortableList(
    (id) => list.find((i) => i.id === id)?.label ?? '',
    (id) => first.length + middle.findIndex((m) => m.id === id) + 1,
  );

  const save = (next: LayoutItem[]) => {
    const before = list;
    setList(next);
    start(async () => {
      const r = await saveLayoutAction(null, { serviceId, audience, intakeTypeId, fieldIds: next.map((i) => i.id) });
      if (!r.ok) {
        setList(before);
        return toast(r.error, 'error');
      }
      toast(t('saved'));
      router.refresh();
    });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = middle.map((i) => i.id);
    const moved = arrayMove(middle, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    save([...first, ...moved, ...last]);
  };
  const notIn = available.filter((a) => !list.some((i) => i.id === a.id));

  return (
    <div className="space-y-3">
      {source !== 'own' && (
        <div
          role="note"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <span>
            {source === 'inherited'
              ? t('inherited', { name: fromName ?? '' })
              : audience === 'customer' && intakeTypeId
                ? t('usesDefault')
                : t('isDefault')}
          </span>
          {intakeTypeId && (
            <Button size="sm" variant="secondary" disabled={pending} onClick={() => save(list)}>
              {t('makeOwn')}
            </Button>
          )}
        </div>
      )}
      <ol className="space-y-1" aria-label={t('title')}>
        {first.map((i) => (
          <Row key={i.id} item={i} />
        ))}
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={accessibility}
        >
          <SortableContext items={middle.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            {middle.map((i) => (
              <SortableRow
                key={i.id}
                item={i}
                disabled={pending}
                onRemove={() => save(list.filter((x) => x.id !== i.id))}
              />
            ))}
          </SortableContext>
        </DndContext>
        {last.map((i) => (
          <Row key={i.id} item={i} />
        ))}
      </ol>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={() => setAdding(true)} disabled={pending || notIn.length === 0}>
          <Plus className="size-4" aria-hidden />
          {t('add')}
        </Button>
        {source === 'own' && intakeTypeId && (
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await removeOwnLayoutAction(null, { serviceId, intakeTypeId });
                if (!r.ok) toast(r.error, 'error');
                router.refresh();
              })
            }
          >
            {t('inherit')}
          </Button>
        )}
      </div>
      <Dialog open={adding} onOpenChange={setAdding} title={t('addTitle')}>
        <ul className="max-h-80 space-y-1 overflow-y-auto">
          {notIn.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100"
                onClick={() => {
                  setAdding(false);
                  save([...first, ...middle, a, ...last]);
                }}
              >
                {a.label} <span className="font-mono text-xs text-slate-500">{a.code}</span>
              </button>
            </li>
          ))}
        </ul>
      </Dialog>
    </div>
  );
}

function Row({ item }: { item: LayoutItem }) {
  const t = useTranslations('fields.layout');
  return (
    <li
      className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
      data-testid={`layout-${item.code}`}
    >
      <Lock className="size-4 text-slate-400" aria-label={t('pinned')} />
      <span className="flex-1">{item.label}</span>
      <span className="font-mono text-xs text-slate-500">{item.code}</span>
    </li>
  );
}

function SortableRow({ item, onRemove, disabled }: { item: LayoutItem; onRemove: () => void; disabled: boolean }) {
  const t = useTranslations('fields.layout');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm ${isDragging ? 'shadow-lg' : ''}`}
      data-testid={`layout-${item.code}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t('drag', { name: item.label })}
        className="cursor-grab rounded p-1 text-slate-500 hover:bg-slate-100"
      >
        <GripVertical className="size-4" />
      </button>
      <span className="flex-1">{item.label}</span>
      <span className="font-mono text-xs text-slate-500">{item.code}</span>
      <button
        type="button"
        onClick={onRemove}
        disabled={disabled}
        aria-label={t('remove', { name: item.label })}
        className="rounded p-1 text-slate-500 hover:bg-slate-100"
      >
        <X className="size-4" />
      </button>
    </li>
  );
}
