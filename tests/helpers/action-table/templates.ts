import { ADMINS, A, row, hex, type Row } from './table';

/** 템플릿 settings. */
export const templatesActions: [string, Row][] = [
  row(A.templates, 'createTemplateAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    scope: 'service',
    title: `인사 ${hex()}`,
    content: '안녕하세요',
    categoryIds: [],
  })),
  row(A.templates, 'updateTemplateAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    id: fx.templateId,
    scope: 'service',
    title: `인사 ${hex()}`,
    content: '반갑습니다',
    categoryIds: [],
  })),
  row(A.templates, 'deleteTemplateAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.templateId })),
  row(A.templates, 'searchTemplatesAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.templates, 'linkedTemplatesAction', ADMINS, (fx) => ({ serviceId: fx.s, categoryId: fx.processingId })),
  row(A.templates, 'linkTemplatesAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    categoryId: fx.processingId,
    templateIds: [fx.templateId],
  })),
  row(A.templates, 'unlinkTemplatesAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    categoryId: fx.processingId,
    templateIds: [fx.templateId],
  })),
];
