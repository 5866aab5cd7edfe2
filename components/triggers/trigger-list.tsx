'use client';

import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFormatDate } from '@/lib/i18n/use-format-date';
import { useState } from 'react';
import {
  deleteTriggerAction,
  reorderTriggersAction,
  setTriggerActiveAction,
} from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useSortableList } from '@/components/ui/use-sortable-list';

export type TriggerItem = { id: string; title: string; active: boolean; lastFiredAt: string | null; fired7d: number };

function Stats({ item }: { item: TriggerItem }) {
  const t = useTranslations('triggers.list');
  const formatDate = useFormatDate();
  return (
    <span className="text-xs text-slate-500">
      {item.lastFiredAt
        ? t('lastFired', { time: formatDate(new Date(item.lastFiredAt), 'dateTime') })
        : t('neverFired')}{' '}
      · {t('fired7d', { count: item.fired7d })}
    </span>
  );
}

function RowActions({ serviceId, item }: { serviceId: string; item: TriggerItem }) {
  const t = useTranslations('triggers.list');
  const toggle = useConfirmedAction(
    () => setTriggerActiveAction(null, { serviceId, triggerId: item.id, active: !item.active }),
    () => (item.active ? t('deactivated', { title: item.title }) : t('activated', { title: item.title })),
  );
  const remove = useConfirmedAction(
    () => deleteTriggerAction(null, { serviceId, triggerId: item.id }),
    () => t('deleted', { title: item.title }),
  );
  const base = `/${serviceId}/settings/triggers/${item.id}`;
  return (
    <div className="flex shrink-0 flex-wrap justify-end gap-2">
      <Link className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-slate-100" href={`${base}/deliveries`}>
        {t('deliveries')}
      </Link>
      <Link
        className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
        href={base}
        aria-label={`${item.title} ${t('edit')}`}
      >
        {t('edit')}
      </Link>
      <Button
        size="sm"
        variant="secondary"
        disabled={toggle.pending}
        aria-label={`${item.title} ${item.active ? t('deactivate') : t('activate')}`}
        onClick={toggle.run}
      >
        {item.active ? t('deactivate') : t('activate')}
      </Button>
      {!item.active && (
        <Button
          size="sm"
          variant="ghost"
          className="text-red-700"
          disabled={toggle.pending || remove.pending}
          aria-label={`${item.title} ${t('delete')}`}
          onClick={remove.ask}
        >
          {t('delete')}
        </Button>
      )}
      <ConfirmDialog
        {...remove.dialog}
        title={t('deleteTitle')}
        description={t('deleteBody', { title: item.title })}
        confirmLabel={t('delete')}
      />
    </div>
  );
}

function SortableRow({ serviceId, item, index }: { serviceId: string; item: TriggerItem; index: number }) {
  const t = useTranslations('triggers.list');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-2 ${isDragging ? 'shadow-lg' : ''}`}
      data-testid={`trigger-${item.title}`}
    >
      <button
        type="button"
        className="cursor-grab rounded p-1 text-slate-400 hover:bg-slate-100"
        aria-label={t('dragHandle', { title: item.title })}
        {...attributes}
        {...listeners}
      >
        <GripVertical className="size-4" aria-hidden />
      </button>
      <span className="w-6 text-right text-sm text-slate-500">{index + 1}</span>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">{item.title}</p>
        <Stats item={item} />
      </div>
      <RowActions serviceId={serviceId} item={item} />
    </li>
  );
}

/** Active triggers in execution order (drag, or keyboard: focus the handle, Space, arrows, Space), inactive ones below. */
export function TriggerList({ serviceId, items }: { serviceId: string; items: TriggerItem[] }) {
  const t = useTranslations('triggers.list');
  const toast = useToast();
  const router = useRouter();
  const [active, setActive] = useState(() => items.filter((i) => i.active));
  const [synced, setSynced] = useState(items);
  if (synced !== items) {
    setSynced(items);
    setActive(items.filter((i) => i.active));
  }
  const inactive = items.filter((i) => !i.active);
  const { sensors, accessibility } = useSortableList(
    (id) => active.find((a) => a.id === id)?.title ?? '',
    (id) => active.findIndex((a) => a.id === id) + 1,
  );
  const onDragEnd = async ({ active: a, over }: DragEndEvent) => {
    if (!over || a.id === over.id) return;
    const prev = active;
    const next = arrayMove(
      active,
      active.findIndex((x) => x.id === a.id),
      active.findIndex((x) => x.id === over.id),
    );
    setActive(next);
    const r = await reorderTriggersAction(null, { serviceId, ids: next.map((x) => x.id) });
    if (!r.ok) {
      setActive(prev);
      toast(r.error, 'error');
    } else {
      toast(t('reordered'));
      router.refresh();
    }
  };
  return (
    <div className="space-y-6">
      <section aria-labelledby="active-triggers">
        <h2 id="active-triggers" className="mb-2 text-base font-semibold">
          {t('active', { count: active.length })}
        </h2>
        {active.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noActive')}</p>
        ) : (
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={accessibility}
          >
            <SortableContext items={active.map((a) => a.id)} strategy={verticalListSortingStrategy}>
              <ol className="space-y-2" data-testid="active-triggers">
                {active.map((item, i) => (
                  <SortableRow key={item.id} serviceId={serviceId} item={item} index={i} />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
      </section>
      <section aria-labelledby="inactive-triggers">
        <h2 id="inactive-triggers" className="mb-2 text-base font-semibold">
          {t('inactive', { count: inactive.length })}
        </h2>
        {inactive.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noInactive')}</p>
        ) : (
          <ul className="space-y-2" data-testid="inactive-triggers">
            {inactive.map((item) => (
              <li
                key={item.id}
                className="flex items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2"
                data-testid={`trigger-${item.title}`}
              >
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-slate-600">{item.title}</p>
                  <Stats item={item} />
                </div>
                <RowActions serviceId={serviceId} item={item} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
