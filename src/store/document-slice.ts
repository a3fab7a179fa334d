import type { Design } from '../model';
import type { DocumentSlice, HistoryApi, SliceCreator } from './types';

export const createDocumentSlice =
  (initial: Design): SliceCreator<DocumentSlice> =>
  (set, get, store) => ({
    design: initial,
    apply: (command, ...args) => {
      const next = command(get().design, ...args);
      if (next !== get().design) set({ design: next });
    },
    loadDesign: (design) => {
      const history = (store.temporal as HistoryApi).getState();
      history.pause();
      set({ design, selectedIds: [], selectedEdgeIds: [] });
      history.resume();
      history.clear();
    },
  });
