import { findEntity, type Design, type Entity } from '../model';
import type { RolecraftState } from './types';

// Module-level selectors: stable function identities, so components re-render only when the
// selected value changes.

export const selectDesign = (s: RolecraftState) => s.design;

/** Whether two designs differ in nothing but where their nodes are drawn. */
function sameBesidesLayout(a: Design, b: Design): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof Design)[];
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((key) => key === 'layout' || a[key] === b[key]);
}

let content: Design | undefined;

/**
 * The design for views that do not draw it (inspector, simulation forms, dialogs): the same
 * object until something other than the layout changes, so a drop at 10,000 nodes does not
 * re-render them. Its `layout` may be behind the store's: never read positions from it.
 */
export const selectDesignContent = (s: RolecraftState): Design => {
  if (content === undefined || !sameBesidesLayout(content, s.design)) content = s.design;
  return content;
};
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
