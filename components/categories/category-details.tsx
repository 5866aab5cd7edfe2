'use client';

import { Copy, Pencil, Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { categoryDeleteImpactAction, deleteCategoryAction } from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import type { CategoryKind } from '@/db/values';
import type { CategoryNode } from '@/lib/categories/tree-build';

type Props = {
  serviceId: string;
  kind: CategoryKind;
  node: CategoryNode | null;
  onAddChild: (n: CategoryNode) => void;
  onEdit: (n: CategoryNode) => void;
  onDeleted: () => void;
};

/** The selected category: its ID with a copy button, and the add-child, edit and delete buttons. */
export function CategoryDetails({ serviceId, kind, node, onAddChild, onEdit, onDeleted }: Props) {
  const t = useTranslations('categories');
  const toast = useToast();
  const [impact, setImpact] = useState<{ descendants: number; tickets: number } | null>(null);
  const remove = useConfirmedAction(
    () => deleteCategoryAction(null, { serviceId, id: node!.id }),
    (d) => {
      onDeleted();
      return t('deleted', { name: node!.label, count: d.categories });
    },
    { refresh: false },
  );
  if (!node) {
    return (
      <Card className="text-sm text-slate-600">
        <p>{t('selectHint')}</p>
      </Card>
    );
  }
  // The dialog opens at once and counts what the delete would take with it while it is open.
  const askDelete = async () => {
    setImpact(null);
    remove.ask();
    const r = await categoryDeleteImpactAction(null, { serviceId, id: node.id });
    if (r.ok) setImpact(r.data);
    else {
      remove.dialog.onOpenChange(false);
      toast(r.error, 'error');
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(node.id);
      toast(t('idCopied'));
    } catch {
      toast(t('idCopyFailed'), 'error');
    }
  };
  return (
    <Card className="space-y-4">
      <div>
        <h2 className="font-medium text-slate-900">{node.label}</h2>
        <p className="text-xs text-slate-500">{t('levelLong', { depth: node.depth })}</p>
      </div>
      <div>
        <p className="text-xs font-medium text-slate-600">{t('categoryId')}</p>
        <div className="mt-1 flex items-center gap-2">
          <code data-testid="category-id" className="rounded bg-slate-100 px-2 py-1 text-xs break-all">
            {node.id}
          </code>
          <Button size="sm" variant="ghost" onClick={copy} aria-label={t('copyId')}>
            <Copy className="size-4" />
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onAddChild(node)}
          disabled={node.depth >= 5}
          title={node.depth >= 5 ? t('maxDepthHint') : undefined}
        >
          <Plus className="size-4" />
          {t('addChild')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onEdit(node)}>
          <Pencil className="size-4" />
          {t('edit')}
        </Button>
        <Button size="sm" variant="danger" onClick={askDelete}>
          <Trash2 className="size-4" />
          {t('delete')}
        </Button>
      </div>
      {node.depth >= 5 && <p className="text-xs text-slate-500">{t('maxDepthHint')}</p>}
      {kind === 'intake' && <p className="text-xs text-slate-500">{node.active ? t('activeOn') : t('activeOff')}</p>}
      <ConfirmDialog
        {...remove.dialog}
        title={t('deleteTitle', { name: node.label })}
        description={
          impact
            ? t('deleteConfirm', { name: node.label, descendants: impact.descendants, tickets: impact.tickets })
            : t('deleteCounting')
        }
        confirmLabel={t('delete')}
        pending={remove.pending || !impact}
      />
    </Card>
  );
}
