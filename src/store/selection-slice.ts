import type { SelectionSlice, SliceCreator } from './types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedIds: [],
  selectedEdgeIds: [],
  select: (ids) => set({ selectedIds: [...new Set(ids)], selectedEdgeIds: [] }),
  setSelectedNodes: (ids) => set({ selectedIds: [...new Set(ids)] }),
  toggleSelected: (id) =>
    set((state) => ({
      selectedIds: state.selectedIds.includes(id)
        ? state.selectedIds.filter((selected) => selected !== id)
        : [...state.selectedIds, id],
    })),
  selectEdges: (ids) => set({ selectedEdgeIds: [...new Set(ids)] }),
  clearSelection: () => set({ selectedIds: [], selectedEdgeIds: [] }),
});
