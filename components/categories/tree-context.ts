'use client';

import { createContext, useContext } from 'react';
import type { CategoryKind } from '@/db/values';
import type { CategoryNode } from '@/lib/categories/tree-build';

/** What every row of the tree needs from the manager, without threading props through levels. */
export type TreeCtx = {
  serviceId: string;
  kind: CategoryKind;
  lang: string;
  defaultLang: string;
  selectedId: string | null;
  expanded: Set<string>;
  select: (id: string) => void;
  toggle: (id: string) => void;
  reorder: (parentId: string | null, orderedIds: string[]) => void;
  rename: (node: CategoryNode, value: string) => Promise<string | null>;
  setActive: (node: CategoryNode, active: boolean) => void;
};

export const TreeContext = createContext<TreeCtx | null>(null);

export function useTreeCtx(): TreeCtx {
  const ctx = useContext(TreeContext);
  if (!ctx) throw new Error('TreeContext missing');
  return ctx;
}
