'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { createCategory } from '@/lib/categories/create';
import { categoryDeleteImpact, deleteCategory } from '@/lib/categories/delete';
import { applyCategoryImport } from '@/lib/categories/import-apply';
import { previewCategoryImport } from '@/lib/categories/import-preview';
import { moveCategory } from '@/lib/categories/move';
import { renameCategory } from '@/lib/categories/rename';
import { reorderCategories } from '@/lib/categories/reorder';
import { setCategoryActive } from '@/lib/categories/set-active';
import {
  categoryIdInput,
  categoryImportInput,
  createCategoryInput,
  moveCategoryInput,
  renameCategoryInput,
  reorderCategoriesInput,
  setCategoryActiveInput,
} from '@/lib/categories/schemas';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/categories`);
const slim = (c: { id: string; name: string; depth: number }) => ({ id: c.id, name: c.name, depth: c.depth });

export const createCategoryAction = serviceAction(createCategoryInput, admin, async (input, ctx) => {
  const c = await createCategory(ctx, input);
  refresh(ctx.service.id);
  return slim(c);
});

export const renameCategoryAction = serviceAction(renameCategoryInput, admin, async (input, ctx) => {
  const c = await renameCategory(ctx, input);
  refresh(ctx.service.id);
  return slim(c);
});

export const setCategoryActiveAction = serviceAction(setCategoryActiveInput, admin, async (input, ctx) => {
  const c = await setCategoryActive(ctx, input);
  refresh(ctx.service.id);
  return { id: c.id, active: c.active };
});

export const reorderCategoriesAction = serviceAction(reorderCategoriesInput, admin, async (input, ctx) => {
  await reorderCategories(ctx, input);
  refresh(ctx.service.id);
  return null;
});

export const moveCategoryAction = serviceAction(moveCategoryInput, admin, async (input, ctx) => {
  const c = await moveCategory(ctx, input);
  refresh(ctx.service.id);
  return slim(c);
});

export const categoryDeleteImpactAction = serviceAction(categoryIdInput, admin, async (input, ctx) =>
  categoryDeleteImpact(ctx, input),
);

export const deleteCategoryAction = serviceAction(categoryIdInput, admin, async (input, ctx) => {
  const r = await deleteCategory(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const previewCategoryImportAction = serviceAction(categoryImportInput, admin, async (input, ctx) =>
  previewCategoryImport(ctx, input),
);

export const applyCategoryImportAction = serviceAction(categoryImportInput, admin, async (input, ctx) => {
  const r = await applyCategoryImport(ctx, input);
  refresh(ctx.service.id);
  return r;
});
