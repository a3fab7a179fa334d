import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import { rolecraftStore } from './store';
import type { TrackedState } from './types';

/** Read the undo/redo history of the document. */
export function useHistory<T>(selector: (state: TemporalState<TrackedState>) => T): T {
  return useStore(rolecraftStore.temporal, selector);
}
