import { useEffect, useRef } from 'react';
import {
  useReactFlow,
  type Edge,
  type FitViewOptions,
  type Node,
  type ReactFlowInstance,
} from '@xyflow/react';
import type { Design } from '../model';
import { selectDesign, useRolecraftStore, type RolecraftStore } from '../store';
import { prefersReducedMotion } from './reveal';
import { FIT_PADDING, READABLE_ZOOM } from './view-fit';

/** Above this many entities, a design opens on its first account rather than all of it. */
export const LARGE_DESIGN = 300;

function entityCount(design: Design): number {
  return (
    design.accounts.length +
    design.users.length +
    design.groups.length +
    design.roles.length +
    design.services.length +
    design.identityProviders.length +
    design.outsidePrincipals.length +
    design.resources.length
  );
}

/**
 * What to show when a design opens: all of it, or for a large design the middle of its first
 * account at a zoom where names can be read (and only what is in view is drawn).
 */
function openingView(design: Design): FitViewOptions {
  const first = design.accounts[0];
  if (isLargeDesign(design) && first) {
    return { padding: FIT_PADDING, nodes: [{ id: first.id }], minZoom: READABLE_ZOOM };
  }
  return { padding: FIT_PADDING };
}

export function isLargeDesign(design: Design): boolean {
  return entityCount(design) >= LARGE_DESIGN;
}

/**
 * Shows an opened design: all of it when that is readable, else the top left of its first
 * account at the readable zoom (the rest is a pan away, and in the overview).
 */
export async function openReadably<N extends Node, E extends Edge>(
  flow: Pick<ReactFlowInstance<N, E>, 'fitView' | 'getZoom' | 'getNode' | 'setViewport' | 'zoomTo'>,
  design: Design,
  duration = 0,
  /** Present's factor: the opening zoom times this (about the middle of the view). */
  scale = 1,
) {
  await flow.fitView({ ...openingView(design), maxZoom: 1, duration: 0 });
  if (flow.getZoom() >= READABLE_ZOOM - 0.001) {
    if (scale !== 1) await flow.zoomTo(flow.getZoom() * scale, { duration: 0 });
    return;
  }
  const first = design.accounts[0] && flow.getNode(design.accounts[0].id);
  const x = first?.position.x ?? 0;
  const y = first?.position.y ?? 0;
  await flow.setViewport(
    {
      x: parseInt(FIT_PADDING.left) - x * READABLE_ZOOM,
      y: parseInt(FIT_PADDING.top) - y * READABLE_ZOOM,
      zoom: READABLE_ZOOM * scale,
    },
    { duration },
  );
}

/** Each opened design starts with permission edges on `auto` (see `showsPermissionEdges`). */
function edgesFor(store: RolecraftStore) {
  store.getState().setEdgeVisibility({ permission: 'auto' });
}

/**
 * Whether permission edges are drawn: as the user chose in the legend, else only for designs
 * that are not large (thousands of them hide the trust graph, and the engine decides each pair).
 */
export function showsPermissionEdges(choice: boolean | 'auto', large: boolean): boolean {
  return choice === 'auto' ? !large : choice;
}

/** Fits the view and picks the edges to show whenever a design is opened (`scale`: Present's). */
export function useFitOnOpen(scale: { readonly current: number }) {
  const flow = useReactFlow();
  const store = useRolecraftStore();
  const openedId = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (openedId.current === undefined) {
      openedId.current = store.getState().design.id;
      edgesFor(store);
    }
    return store.subscribe((state) => {
      if (state.design.id === openedId.current) return;
      openedId.current = state.design.id;
      const design = selectDesign(state);
      edgesFor(store);
      requestAnimationFrame(() => {
        void openReadably(flow, design, prefersReducedMotion() ? 0 : 200, scale.current);
      });
    });
  }, [flow, store, scale]);
}
