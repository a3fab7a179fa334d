import { useCallback } from 'react';
import type { EntityId, PolicySlot } from '../../model';
import { useRolecraft, type RolecraftState } from '../../store';

const selectRevealPolicy = (s: RolecraftState) => s.revealPolicy;

/**
 * Opens one of the entity's policies in the inspector's editor (the policy just added, or the
 * one whose Edit button was pressed); with `focus`, the keyboard focus moves into the editor.
 */
export function useRevealPolicy(entityId: EntityId) {
  const revealPolicy = useRolecraft(selectRevealPolicy);
  return useCallback(
    (slot: PolicySlot, focus = false) => revealPolicy({ entityId, slot, focus }),
    [revealPolicy, entityId],
  );
}
