/** Public API of the design model. Import from `src/model`, not from its files. */
export * from './types';
