import { useStore } from 'zustand';
import type { HistoryState } from './history';
import { rolecraftStore } from './store';

/** Read the undo/redo history of the document. */
export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useStore(rolecraftStore.temporal, selector);
}
