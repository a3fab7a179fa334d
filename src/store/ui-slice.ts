import type { SliceCreator, UiSlice } from './types';

let nextToastId = 1;
const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));
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
  pathHighlight: null,
  findingBadges: new Map(),
  bottomTab: 'Simulation',
  findingsSubject: null,
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
  setPathHighlight: (hops, lit) =>
    set({ pathHighlight: hops ? { hops, lit: clamp(lit ?? hops.length, hops.length) } : null }),
  stepPathHighlight: (delta) =>
    set((state) => {
      const path = state.pathHighlight;
      if (!path) return {};
      const lit = clamp(path.lit + delta, path.hops.length);
      return lit === path.lit ? {} : { pathHighlight: { ...path, lit } };
    }),
  setFindingBadges: (findingBadges) => set({ findingBadges }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
  showFindingsOf: (findingsSubject) => set({ bottomTab: 'Findings', findingsSubject }),
});
