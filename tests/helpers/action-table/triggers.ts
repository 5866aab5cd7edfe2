import { ADMINS, A, row, hex, type Row } from './table';

/** 트리거 settings, their deliveries and the callback secret. */
export const triggersActions: [string, Row][] = [
  row(A.triggers, 'createTriggerAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    title: `t ${hex()}`,
    conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
    results: [{ type: 'set_group', groupId: fx.groupId }],
  })),
  row(A.triggers, 'updateTriggerAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    triggerId: fx.triggerId,
    title: 'x',
    conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
    results: [{ type: 'set_group', groupId: fx.groupId }],
  })),
  row(A.triggers, 'setTriggerActiveAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    triggerId: fx.triggerId,
    active: true,
  })),
  row(A.triggers, 'deleteTriggerAction', ADMINS, (fx) => ({ serviceId: fx.s, triggerId: fx.triggerId })),
  row(A.triggers, 'reorderTriggersAction', ADMINS, (fx) => ({ serviceId: fx.s, ids: [fx.triggerId] })),
  row(A.triggers, 'testRunAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    ticketNumber: fx.ticket.number,
    event: 'updated',
  })),
  row(A.triggers, 'retryDeliveryAction', ADMINS, (fx) => ({ serviceId: fx.s, deliveryId: fx.deliveryId })),
  row(A.triggers, 'rotateSecretAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.triggers, 'testCallbackAction', ADMINS, (fx) => ({ serviceId: fx.s, url: 'https://127.0.0.1:1/cb' })),
];
