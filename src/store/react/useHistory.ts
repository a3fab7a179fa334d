import { useStore } from 'zustand';
import type { HistoryState } from '../history';
import { useRolecraftStore } from './useRolecraftStore';

/** Read the undo/redo history of the nearest `RolecraftProvider`'s document. */
export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useStore(useRolecraftStore().temporal, selector);
}
