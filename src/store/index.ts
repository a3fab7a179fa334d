/** Public API of the app store; the UI reads it through the hooks in `react/`. */
export * from './types';
export * from './selectors';
export { createRolecraftStore, rolecraftStore, type RolecraftStore } from './store';
export { RolecraftProvider } from './react/RolecraftProvider';
export { useRolecraftStore } from './react/useRolecraftStore';
export { useRolecraft } from './react/useRolecraft';
export { useHistory } from './react/useHistory';
