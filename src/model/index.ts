/** Public API of the design model. Import from `src/model`, not from its files. */
export * from './types';
export * from './ids';
export * from './policy-text';
export * from './lookup';
export * from './arn';
export * from './factories';
export * from './principal-ref';
export * from './condition-labels';
export * from './trust-deny';
export * from './trust-edges';
export * from './trust-edit';
export { principalsOf } from './trust-principals';
export { sampleDesign } from './sample';
