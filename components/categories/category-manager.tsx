'use client';

import { Download, Plus, Upload } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import {
  renameCategoryAction,
  reorderCategoriesAction,
  setCategoryActiveAction,
} from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { Button } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import type { CategoryKind } from '@/db/values';
import { unpackTree, type CategoryNode, type PackedTree } from '@/lib/categories/tree-build';
import { CategoryDetails } from './category-details';
import { CategoryFormDialog } from './category-form-dialog';
import { ImportDialog } from './import-dialog';
import { SiblingList } from './sortable-tree';
import { TreeContext, type TreeCtx } from './tree-context';

type Props = {
  serviceId: string;
  kind: CategoryKind;
  lang: string;
  languages: string[];
  packed: PackedTree;
  limits: { mb: number; rows: number };
};

function index(nodes: CategoryNode[], into = new Map<string, CategoryNode>()) {
  for (const n of nodes) {
    into.set(n.id, n);
    index(n.children, into);
  }
  return into;
}

function withChildren(nodes: CategoryNode[], parentId: string | null, order: string[]): CategoryNode[] {
  const sortIn = (list: CategoryNode[]) => order.map((id) => list.find((n) => n.id === id)!).filter(Boolean);
  if (parentId === null) return sortIn(nodes);
  return nodes.map((n) =>
    n.id === parentId
      ? { ...n, children: sortIn(n.children) }
      : { ...n, children: withChildren(n.children, parentId, order) },
  );
}

function patch(nodes: CategoryNode[], id: string, change: Partial<CategoryNode>): CategoryNode[] {
  return nodes.map((n) => (n.id === id ? { ...n, ...change } : { ...n, children: patch(n.children, id, change) }));
}

/** The tab of one tree: toolbar, the sortable tree, and the panel of the selected category. */
export function CategoryManager({ serviceId, kind, lang, languages, packed, limits }: Props) {
  const t = useTranslations('categories');
  const toast = useToast();
  const serverTree = useMemo(() => unpackTree(packed, lang, languages[0]), [packed, lang, languages]);
  const [tree, setTree] = useState(serverTree);
  const [seen, setSeen] = useState(serverTree);
  if (seen !== serverTree) {
    // The server sent a fresh tree after an action: it replaces any optimistic state.
    setSeen(serverTree);
    setTree(serverTree);
  }
  const byId = useMemo(() => index(tree), [tree]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(byId.size <= 300 ? byId.keys() : []));
  const [dialog, setDialog] = useState<{ add: CategoryNode | null } | { edit: CategoryNode } | null>(null);
  const [importing, setImporting] = useState(false);

  const reorder = useCallback(
    async (parentId: string | null, orderedIds: string[]) => {
      setTree((cur) => withChildren(cur, parentId, orderedIds));
      const r = await reorderCategoriesAction(null, { serviceId, kind, parentId, orderedIds });
      if (r.ok) toast(t('reordered'));
      else {
        toast(r.error, 'error');
        setTree(serverTree);
      }
    },
    [serviceId, kind, serverTree, toast, t],
  );
  const rename = useCallback(
    async (node: CategoryNode, value: string) => {
      const r = await renameCategoryAction(null, { serviceId, id: node.id, names: { [lang]: value } });
      if (!r.ok) return Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.error;
      toast(t('renamed', { name: value.trim() || node.name }));
      return null;
    },
    [serviceId, lang, toast, t],
  );
  const setActive = useCallback(
    async (node: CategoryNode, active: boolean) => {
      setTree((cur) => patch(cur, node.id, { active }));
      const r = await setCategoryActiveAction(null, { serviceId, id: node.id, active });
      if (r.ok) toast(active ? t('activated', { name: node.label }) : t('deactivated', { name: node.label }));
      else {
        toast(r.error, 'error');
        setTree((cur) => patch(cur, node.id, { active: !active }));
      }
    },
    [serviceId, toast, t],
  );
  const ctx: TreeCtx = useMemo(
    () => ({
      serviceId,
      kind,
      lang,
      defaultLang: languages[0],
      selectedId,
      expanded,
      select: setSelectedId,
      toggle: (id) =>
        setExpanded((cur) => {
          const next = new Set(cur);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        }),
      reorder,
      rename,
      setActive,
    }),
    [serviceId, kind, lang, languages, selectedId, expanded, reorder, rename, setActive],
  );
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
      <Card className="min-w-0">
        <div className="mb-4 flex flex-wrap items-center gap-2">
          <Button size="sm" onClick={() => setDialog({ add: null })}>
            <Plus className="size-4" />
            {t('addRoot')}
          </Button>
          <a
            href={`/${serviceId}/settings/categories/export?kind=${kind}`}
            download
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            <Download className="size-4" />
            {t('download')}
          </a>
          <Button size="sm" variant="secondary" onClick={() => setImporting(true)}>
            <Upload className="size-4" />
            {t('import.open')}
          </Button>
          <span className="ml-auto text-xs text-slate-500">{t('count', { count: byId.size })}</span>
        </div>
        {kind === 'intake' && (
          <p className="mb-3 rounded bg-slate-50 px-3 py-2 text-xs text-slate-600">{t('activeHelp')}</p>
        )}
        <p className="mb-3 text-xs text-slate-500">
          {kind === 'intake' ? t('treeHelpIntake') : t('treeHelpProcessing')}
        </p>
        {tree.length === 0 ? (
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        ) : (
          <TreeContext.Provider value={ctx}>
            <SiblingList nodes={tree} parentId={null} />
          </TreeContext.Provider>
        )}
      </Card>
      <div>
        <CategoryDetails
          serviceId={serviceId}
          kind={kind}
          node={selected}
          onAddChild={(n) => setDialog({ add: n })}
          onEdit={(n) => setDialog({ edit: n })}
          onDeleted={() => setSelectedId(null)}
        />
      </div>
      {dialog && (
        <CategoryFormDialog
          serviceId={serviceId}
          kind={kind}
          languages={languages}
          mode={dialog}
          onClose={() => {
            if ('add' in dialog && dialog.add) setExpanded((cur) => new Set(cur).add(dialog.add!.id));
            setDialog(null);
          }}
        />
      )}
      {importing && (
        <ImportDialog serviceId={serviceId} kind={kind} limits={limits} onClose={() => setImporting(false)} />
      )}
    </div>
  );
}
