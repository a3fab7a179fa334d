import { useStore } from 'zustand';
import type { RolecraftState } from '../types';
import { useRolecraftStore } from './useRolecraftStore';

/**
 * Read from the store of the nearest `RolecraftProvider`. Pass a module-level selector (see
 * `selectors.ts`); wrap object selectors in `useShallow`.
 */
export function useRolecraft<T>(selector: (state: RolecraftState) => T): T {
  return useStore(useRolecraftStore(), selector);
}
