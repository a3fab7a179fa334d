import {
  copyEntities,
  pasteEntitiesWithIds,
  setPositions,
  type EntityId,
  type IdentityProviderPreset,
} from '../model';
import { rolecraftStore } from '../store';
import {
  FIT_PADDING,
  additionFor,
  bringIntoView,
  isLargeDesign,
  loadAutoLayout,
  prefersReducedMotion,
  targetAccount,
  type AddableKind,
  type FlowControls,
} from '../canvas';
import type { ReactFlowInstance } from '@xyflow/react';

// What the toolbar and keyboard shortcuts do, on the app store.

const state = () => rolecraftStore.getState();

/** Adds an entity of that kind, selects it, and pans to it when it landed out of view. */
export function addEntityOfKind(
  kind: AddableKind,
  flow: FlowControls &
    Pick<ReactFlowInstance, 'getViewport' | 'setViewport' | 'getNodes' | 'getNodesBounds'>,
  preset?: IdentityProviderPreset,
) {
  const { design, selectedIds, apply, select } = state();
  const addition = additionFor(kind, design, selectedIds, preset);
  apply(addition.command);
  select([addition.id]);
  // React Flow knows the node after the next render. A large design is not fitted whole.
  const whole = !isLargeDesign(state().design);
  requestAnimationFrame(() => requestAnimationFrame(() => bringIntoView(flow, addition.id, whole)));
}

export function undo() {
  rolecraftStore.temporal.getState().undo();
}

export function redo() {
  rolecraftStore.temporal.getState().redo();
}

export function copySelection(): boolean {
  const { design, selectedIds, setClipboard } = state();
  if (selectedIds.length === 0) return false;
  const content = copyEntities(design, selectedIds);
  if (content.entities.length === 0) return false;
  setClipboard({ content, pastes: 0 });
  return true;
}

export function paste(): boolean {
  const { clipboard, design, selectedIds, setClipboard, apply, select } = state();
  if (!clipboard) return false;
  const step = 40 * (clipboard.pastes + 1);
  const account = targetAccount(design, selectedIds);
  let pasted: EntityId[] = [];
  apply((current) => {
    const result = pasteEntitiesWithIds(current, {
      clipboard: clipboard.content,
      offset: { x: step, y: step },
      ...(account ? { targetAccount: account.id } : {}),
    });
    pasted = [...result.idMap.values()];
    return result.design;
  });
  setClipboard({ ...clipboard, pastes: clipboard.pastes + 1 });
  select(pasted);
  return true;
}

/** ELK's layered layout, loaded on first use; one undo step. */
export async function autoLayout(flow: FlowControls) {
  const { layoutDesign } = await loadAutoLayout();
  const design = state().design;
  const positions = await layoutDesign(design);
  // The user may have changed the design while ELK ran: apply only to the same document.
  if (state().design.id !== design.id) return;
  state().apply(setPositions, { positions });
  requestAnimationFrame(() => {
    void flow.fitView({ padding: FIT_PADDING, duration: prefersReducedMotion() ? 0 : 300 });
  });
}
