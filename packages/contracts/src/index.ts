export * from './common';
export * from './webhook';
export * from './alerts';
export * from './orders';
export * from './trades';
export * from './status';
export * from './events';
export * from './admin';
