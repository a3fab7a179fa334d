import { findEntity, type Entity } from '../model';
import type { RolecraftState } from './types';

// Module-level selectors: stable function identities, so components re-render only when the
// selected value changes.

export const selectDesign = (s: RolecraftState) => s.design;
export const selectDesignName = (s: RolecraftState) => s.design.name;
export const selectDesignId = (s: RolecraftState) => s.design.id;
export const selectSelectedIds = (s: RolecraftState) => s.selectedIds;
export const selectSelectedEdgeIds = (s: RolecraftState) => s.selectedEdgeIds;
export const selectApply = (s: RolecraftState) => s.apply;
export const selectLoadDesign = (s: RolecraftState) => s.loadDesign;
export const selectSearchOpen = (s: RolecraftState) => s.searchOpen;
export const selectToasts = (s: RolecraftState) => s.toasts;
export const selectDesigns = (s: RolecraftState) => s.designs;

/** The entity the inspector shows: the first selected one that still exists. */
export const selectInspected = (s: RolecraftState): Entity | undefined => {
  for (const id of s.selectedIds) {
    const entity = findEntity(s.design, id);
    if (entity) return entity;
  }
  return undefined;
};

export const selectSelectionActions = (s: RolecraftState) => ({
  select: s.select,
  toggleSelected: s.toggleSelected,
  selectEdges: s.selectEdges,
  clearSelection: s.clearSelection,
});

export const selectUiActions = (s: RolecraftState) => ({
  setSearchOpen: s.setSearchOpen,
  showToast: s.showToast,
  dismissToast: s.dismissToast,
  setDesigns: s.setDesigns,
  setClipboard: s.setClipboard,
});
