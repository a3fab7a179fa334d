import { createStore } from 'zustand/vanilla';
import { temporal } from 'zundo';
import { emptyDesign, type Design } from '../model';
import { createDocumentSlice } from './document-slice';
import { createSelectionSlice } from './selection-slice';
import { createUiSlice } from './ui-slice';
import type { RolecraftState, TrackedState } from './types';

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

/** One store built from the document, selection and UI slices; undo/redo tracks the document only. */
export function createRolecraftStore(initial: Design = emptyDesign()) {
  return createStore<RolecraftState>()(
    temporal(
      (...a) => ({
        ...createDocumentSlice(initial)(...a),
        ...createSelectionSlice(...a),
        ...createUiSlice(...a),
      }),
      {
        partialize: (state): TrackedState => ({ design: state.design }),
        equality: (past, current) => past.design === current.design,
        limit: HISTORY_LIMIT,
      },
    ),
  );
}

export type RolecraftStore = ReturnType<typeof createRolecraftStore>;

/** The app's store. Tests create their own with `createRolecraftStore`. */
export const rolecraftStore: RolecraftStore = createRolecraftStore();
