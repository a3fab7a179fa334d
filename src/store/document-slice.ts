import { deleteEntities, deleteReport, type Design } from '../model';
import type { HistoryApi } from './history';
import type { DocumentSlice, SliceCreator } from './types';

export const createDocumentSlice =
  (initial: Design, history: () => HistoryApi): SliceCreator<DocumentSlice> =>
  (set, get) => ({
    design: initial,
    apply: (command, ...args) => {
      const next = command(get().design, ...args);
      if (next !== get().design) set({ design: next });
    },
    loadDesign: (design) => {
      const { pause, resume, clear } = history().getState();
      pause();
      set({ design, selectedIds: [], selectedEdgeIds: [] });
      resume();
      clear();
    },
    requestDelete: (ids) => {
      if (ids.length === 0) return;
      const report = deleteReport(get().design, ids);
      if (report.ids.length === 0) return;
      // Ask first when references would break or an account takes its contents along.
      if (report.breaks.length > 0 || report.ids.length > new Set(ids).size) {
        set({ pendingDelete: report });
        return;
      }
      get().apply(deleteEntities, { ids: report.ids });
      set({ selectedIds: [], selectedEdgeIds: [] });
    },
    confirmDelete: (removeTrust) => {
      const pending = get().pendingDelete;
      if (!pending) return;
      set({ pendingDelete: null });
      get().apply(deleteEntities, { ids: pending.ids, removeTrust });
      set({ selectedIds: [], selectedEdgeIds: [] });
    },
  });
