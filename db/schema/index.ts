export * from './org';
export * from './members';
export * from './agents';
export * from './access-log';
export * from './fields';
export * from './tickets';
export * from './categories';
export * from './field-layouts';
