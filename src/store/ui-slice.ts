import type { SliceCreator, UiSlice } from './types';

let nextToastId = 1;
let nextRevealNonce = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  searchOpen: false,
  toasts: [],
  designs: [],
  clipboard: null,
  pendingDelete: null,
  saveStatus: 'idle',
  edgeVisibility: { membership: true, permission: 'auto' },
  policyReveal: null,
  activeLesson: null,
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
  revealPolicy: ({ focus = false, ...request }) =>
    set({ policyReveal: { ...request, focus, nonce: nextRevealNonce++ } }),
  clearPolicyReveal: (nonce) =>
    set((state) =>
      nonce === undefined || state.policyReveal?.nonce === nonce ? { policyReveal: null } : {},
    ),
  setActiveLesson: (activeLesson) => set({ activeLesson }),
});
