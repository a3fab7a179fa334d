import { createStore } from 'zustand/vanilla';
import { emptyDesign, type Design } from '../model';
import { createDocumentSlice } from './document-slice';
import { createHistory, type HistoryApi } from './history';
import { createSelectionSlice } from './selection-slice';
import { createUiSlice } from './ui-slice';
import type { RolecraftState } from './types';

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

/** One store built from the document, selection and UI slices; undo/redo tracks the document only. */
export function createRolecraftStore(initial: Design = emptyDesign()) {
  // The history subscribes to the store, so it exists only once the store does.
  const ref: { history?: HistoryApi } = {};
  const historyOf = () => {
    if (!ref.history) throw new Error('the store has no history yet');
    return ref.history;
  };
  const store = createStore<RolecraftState>()((...a) => ({
    ...createDocumentSlice(initial, historyOf)(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
  }));
  ref.history = createHistory(store, HISTORY_LIMIT);
  return Object.assign(store, { temporal: ref.history });
}

export type RolecraftStore = ReturnType<typeof createRolecraftStore>;

/** The app's store. Tests create their own with `createRolecraftStore`. */
export const rolecraftStore: RolecraftStore = createRolecraftStore();
