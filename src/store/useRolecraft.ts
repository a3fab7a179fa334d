import { useStore } from 'zustand';
import { rolecraftStore } from './store';
import type { RolecraftState } from './types';

/**
 * Read from the app store. Pass a module-level selector (see `selectors.ts`); wrap object
 * selectors in `useShallow`.
 */
export function useRolecraft<T>(selector: (state: RolecraftState) => T): T {
  return useStore(rolecraftStore, selector);
}
