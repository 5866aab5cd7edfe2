'use client';

import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslations } from 'next-intl';

/**
 * Sensors (pointer, and keyboard: focus the handle, Space, arrows, Space) and translated
 * screen-reader announcements for a sortable list; `position` gives an item's 1-based place.
 */
export function useSortableList(label: (id: UniqueIdentifier) => string, position: (id: UniqueIdentifier) => number) {
  const t = useTranslations('categories.dnd');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('start', { name: label(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('over', { name: label(active.id), position: position(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('end', { name: label(active.id), position: position(over.id) })
        : t('cancel', { name: label(active.id) }),
    onDragCancel: ({ active }) => t('cancel', { name: label(active.id) }),
  };
  return { sensors, accessibility: { screenReaderInstructions: { draggable: t('instructions') }, announcements } };
}
