import type { SliceCreator, UiSlice } from './types';

let nextToastId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  searchOpen: false,
  toasts: [],
  designs: [],
  clipboard: null,
  pendingDelete: null,
  saveStatus: 'idle',
  edgeVisibility: { membership: true, permission: true },
  setSearchOpen: (open) => set({ searchOpen: open }),
  showToast: (tone, message) =>
    set((state) => ({ toasts: [...state.toasts, { id: nextToastId++, tone, message }] })),
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  setDesigns: (designs) => set({ designs }),
  setClipboard: (clipboard) => set({ clipboard }),
  setPendingDelete: (pendingDelete) => set({ pendingDelete }),
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  setEdgeVisibility: (visibility) =>
    set((state) => ({ edgeVisibility: { ...state.edgeVisibility, ...visibility } })),
});
