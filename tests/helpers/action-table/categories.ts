import { ADMINS, A, row, xlsx, hex, type Row } from './table';

/** 유형 (categories) settings, with the spreadsheet import. */
export const categoriesActions: [string, Row][] = [
  row(A.categories, 'createCategoryAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    kind: 'intake',
    parentId: null,
    names: { ko: `유형 ${hex()}` },
  })),
  row(A.categories, 'renameCategoryAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    id: fx.intakeId,
    names: { ko: `이름 ${hex()}` },
  })),
  row(A.categories, 'setCategoryActiveAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId, active: false })),
  row(A.categories, 'reorderCategoriesAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    kind: 'intake',
    parentId: null,
    orderedIds: [fx.intakeId],
  })),
  row(A.categories, 'moveCategoryAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId, parentId: null })),
  row(A.categories, 'categoryDeleteImpactAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId })),
  row(A.categories, 'deleteCategoryAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId })),
  row(A.categories, 'previewCategoryImportAction', ADMINS, (fx) => ({ serviceId: fx.s, kind: 'intake', file: xlsx() })),
  row(A.categories, 'applyCategoryImportAction', ADMINS, (fx) => ({ serviceId: fx.s, kind: 'intake', file: xlsx() })),
];
