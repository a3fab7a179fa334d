/** Public API of the app store. */
export * from './types';
export * from './selectors';
export { createRolecraftStore, rolecraftStore, HISTORY_LIMIT, type RolecraftStore } from './store';
export { useRolecraft } from './useRolecraft';
export { useHistory } from './useHistory';
