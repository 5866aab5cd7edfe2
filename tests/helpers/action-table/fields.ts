import { ADMINS, A, row, hex, type Row } from './table';

/** 필드 and their layouts. */
export const fieldsActions: [string, Row][] = [
  row(A.fields, 'createFieldAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    audience: 'customer',
    type: 'text',
    code: `f${hex()}`,
    names: { ko: '주문번호' },
  })),
  row(A.fields, 'updateFieldAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    fieldId: fx.phoneFieldId,
    names: { ko: '연락처' },
    required: false,
  })),
  row(A.fields, 'deleteFieldAction', ADMINS, (fx) => ({ serviceId: fx.s, fieldId: fx.phoneFieldId })),
  row(A.fields, 'resetFieldAction', ADMINS, (fx) => ({ serviceId: fx.s, fieldId: fx.phoneFieldId })),
  row(A.layouts, 'saveLayoutAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    audience: 'customer',
    intakeTypeId: fx.intakeId,
    fieldIds: [],
  })),
  row(A.layouts, 'removeOwnLayoutAction', ADMINS, (fx) => ({ serviceId: fx.s, intakeTypeId: fx.intakeId })),
];
