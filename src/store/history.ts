// Undo and redo of the document, kept as patches (see design-patch.ts) so that history does
// not grow with the design. Selection and UI state are not tracked.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Design } from '../model';
import { applyDesignPatch, diffDesigns, type DesignPatch } from './design-patch';

/** One undoable change: how to go forward (redo) and back (undo). */
interface HistoryEntry {
  forward: DesignPatch;
  backward: DesignPatch;
}

export interface HistoryState {
  /** Changes that undo can take back, oldest first. */
  pastStates: HistoryEntry[];
  /** Changes that redo can make again, the next one last. */
  futureStates: HistoryEntry[];
  isTracking: boolean;
  undo: () => void;
  redo: () => void;
  clear: () => void;
  /** Stop recording changes (loading a design is not an undoable change). */
  pause: () => void;
  resume: () => void;
}

export type HistoryApi = StoreApi<HistoryState>;

interface DesignHolder {
  getState(): { design: Design };
  setState(partial: { design: Design }): void;
  subscribe(listener: (state: { design: Design }, previous: { design: Design }) => void): unknown;
}

/** History of `store`'s design: every change of `design` while tracking becomes an entry. */
export function createHistory(store: DesignHolder, limit: number): HistoryApi {
  // Set while undo or redo writes the design, so that write is not recorded as a new change.
  let replaying = false;
  const history = createStore<HistoryState>()((set, get) => {
    const replay = (entry: HistoryEntry, way: 'forward' | 'backward') => {
      replaying = true;
      try {
        store.setState({ design: applyDesignPatch(store.getState().design, entry[way]) });
      } finally {
        replaying = false;
      }
    };
    return {
      pastStates: [],
      futureStates: [],
      isTracking: true,
      undo: () => {
        const { pastStates, futureStates } = get();
        const entry = pastStates.at(-1);
        if (!entry) return;
        replay(entry, 'backward');
        set({ pastStates: pastStates.slice(0, -1), futureStates: [...futureStates, entry] });
      },
      redo: () => {
        const { pastStates, futureStates } = get();
        const entry = futureStates.at(-1);
        if (!entry) return;
        replay(entry, 'forward');
        set({ pastStates: [...pastStates, entry], futureStates: futureStates.slice(0, -1) });
      },
      clear: () => set({ pastStates: [], futureStates: [] }),
      pause: () => set({ isTracking: false }),
      resume: () => set({ isTracking: true }),
    };
  });
  store.subscribe((state, previous) => {
    if (replaying || !history.getState().isTracking) return;
    const entry = diffDesigns(previous.design, state.design);
    if (!entry) return;
    const past = history.getState().pastStates;
    const kept = past.length >= limit ? past.slice(past.length - limit + 1) : past;
    history.setState({ pastStates: [...kept, entry], futureStates: [] });
  });
  return history;
}
