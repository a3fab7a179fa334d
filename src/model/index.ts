/** Public API of the design model. Import from `src/model`, not from its files. */
export * from './types';
export * from './ids';
export * from './policy-text';
export * from './lookup';
export * from './arn';
export * from './factories';
