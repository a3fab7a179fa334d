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
export const selectSelect = (s: RolecraftState) => s.select;
export const selectSelectEdges = (s: RolecraftState) => s.selectEdges;
export const selectConfirmDelete = (s: RolecraftState) => s.confirmDelete;
export const selectSearchOpen = (s: RolecraftState) => s.searchOpen;
export const selectToasts = (s: RolecraftState) => s.toasts;
export const selectDesigns = (s: RolecraftState) => s.designs;
export const selectPendingDelete = (s: RolecraftState) => s.pendingDelete;
export const selectSaveStatus = (s: RolecraftState) => s.saveStatus;
export const selectEdgeVisibility = (s: RolecraftState) => s.edgeVisibility;
export const selectSetEdgeVisibility = (s: RolecraftState) => s.setEdgeVisibility;

/** The entity the inspector shows: the first selected one that still exists. */
export const selectInspected = (s: RolecraftState): Entity | undefined => {
  for (const id of s.selectedIds) {
    const entity = findEntity(s.design, id);
    if (entity) return entity;
  }
  return undefined;
};
