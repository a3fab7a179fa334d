import { useCallback, useEffect, useRef, useState } from 'react';
import { draftKey, findEntity, policySlots, type EntityId, type PolicySlot } from '../../model';
import { rolecraftStore } from '../../store';

interface RevealRequest {
  slot: PolicySlot;
  focus: boolean;
  nonce: number;
}

/**
 * Opens one policy slot's tab in the inspector's policy editor, e.g. the policy just added.
 *
 * The editor keeps its active tab to itself (`PolicyTabs`), and its tabs follow the order of
 * `policySlots`; so this clicks the tab at the slot's index in the tab list named
 * `Policies of <entity>`, as a person would. `anchor` goes on an element inside the inspector.
 * (When the store offers a way to ask the editor for a tab, use that instead.)
 */
export function usePolicyTabReveal<Anchor extends HTMLElement>(entityId: EntityId) {
  const anchor = useRef<Anchor>(null);
  const [request, setRequest] = useState<RevealRequest | null>(null);
  useEffect(() => {
    if (!request) return;
    const tab = () => policyTab(anchor.current, entityId, request.slot);
    const open = (element: HTMLElement) => {
      element.click();
      if (request.focus) element.focus();
    };
    const found = tab();
    if (found) return open(found);
    // The tabs normally render in the same commit as the change; if not, they are there a frame later.
    const frame = requestAnimationFrame(() => {
      const late = tab();
      if (late) open(late);
    });
    return () => cancelAnimationFrame(frame);
  }, [request, entityId]);
  const reveal = useCallback(
    (slot: PolicySlot, focus = false) =>
      setRequest((previous) => ({ slot, focus, nonce: (previous?.nonce ?? 0) + 1 })),
    [],
  );
  return { anchor, reveal };
}

function policyTab(
  anchor: HTMLElement | null,
  entityId: EntityId,
  slot: PolicySlot,
): HTMLElement | undefined {
  const design = rolecraftStore.getState().design;
  const entity = findEntity(design, entityId);
  const inspector = anchor?.closest('[aria-label="Inspector"]');
  if (!entity || !inspector) return undefined;
  const key = draftKey(entityId, slot);
  const index = policySlots(design, entity).findIndex((s) => draftKey(entityId, s.slot) === key);
  const tablist = [...inspector.querySelectorAll('[role="tablist"]')].find(
    (list) => list.getAttribute('aria-label') === `Policies of ${entity.name}`,
  );
  const tabs = tablist?.querySelectorAll<HTMLElement>('[role="tab"]');
  return index < 0 ? undefined : tabs?.[index];
}
