import { useEffect, useRef } from 'react';
import {
  getViewportForBounds,
  useReactFlow,
  type Edge,
  type Node,
  type ReactFlowInstance,
} from '@xyflow/react';
import type { Design } from '../model';
import { selectDesign, useRolecraftStore, type RolecraftStore } from '../store';
import { accountFrames, designBounds } from './nodes/build-nodes';
import { prefersReducedMotion } from './reveal';
import { FIT_PADDING, MIN_ZOOM, READABLE_ZOOM } from './view-fit';

/** Above this many entities, a design opens on its first account rather than all of it. */
const LARGE_DESIGN = 300;

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
 * The view a large design opens at: the middle of its first account at a zoom where names can
 * be read (times Present's factor) (and only what is near the view is drawn), computed from the design's own placement
 * (React Flow is handed only the nodes near the view, so it cannot be asked where they are).
 * Undefined for a design that is not large, or has no account.
 */
export function largeOpeningView(
  design: Design,
  width: number,
  height: number,
  /** Present's factor: the fitted zoom times this, about the middle of the view. */
  scale = 1,
): { x: number; y: number; zoom: number } | undefined {
  const first = design.accounts[0];
  const frame = first && isLargeDesign(design) ? accountFrames(design).get(first.id) : undefined;
  if (!frame) return undefined;
  const fit = getViewportForBounds(frame, width, height, READABLE_ZOOM, 1, FIT_PADDING);
  return {
    x: width / 2 - (width / 2 - fit.x) * scale,
    y: height / 2 - (height / 2 - fit.y) * scale,
    zoom: fit.zoom * scale,
  };
}

/**
 * What the view a design that is not large opens at shows, in flow coordinates (as
 * `openReadably` opens it: all of it fitted when readable, else the top left of its first
 * account at the readable zoom), for a pane of this size. Labels are placed where it does not
 * cut them.
 */
export function openingViewBox(
  design: Design,
  width: number,
  height: number,
  scale = 1,
): { x: number; y: number; width: number; height: number } {
  const fit = getViewportForBounds(designBounds(design), width, height, MIN_ZOOM, 1, FIT_PADDING);
  let view: { x: number; y: number; zoom: number };
  if (fit.zoom >= READABLE_ZOOM - 0.001) {
    // Present zooms the fitted view about its middle.
    view = {
      x: width / 2 - (width / 2 - fit.x) * scale,
      y: height / 2 - (height / 2 - fit.y) * scale,
      zoom: fit.zoom * scale,
    };
  } else {
    const first = design.accounts[0] && accountFrames(design).get(design.accounts[0].id);
    view = {
      x: parseInt(FIT_PADDING.left) - (first?.x ?? 0) * READABLE_ZOOM,
      y: parseInt(FIT_PADDING.top) - (first?.y ?? 0) * READABLE_ZOOM,
      zoom: READABLE_ZOOM * scale,
    };
  }
  return {
    x: -view.x / view.zoom,
    y: -view.y / view.zoom,
    width: width / view.zoom,
    height: height / view.zoom,
  };
}

export function isLargeDesign(design: Design): boolean {
  return entityCount(design) >= LARGE_DESIGN;
}

/**
 * Shows an opened design: all of it when that is readable, else the top left of its first
 * account at the readable zoom (the rest is a pan away, and in the overview); a large design
 * opens on its first account (`largeOpeningView`).
 */
export async function openReadably<N extends Node, E extends Edge>(
  flow: Pick<ReactFlowInstance<N, E>, 'fitView' | 'getZoom' | 'setViewport' | 'zoomTo'>,
  design: Design,
  duration = 0,
  /** Present's factor: the opening zoom times this (about the middle of the view). */
  scale = 1,
) {
  const pane = document.querySelector<HTMLElement>('main[aria-label="Canvas"] .react-flow');
  const large = pane && largeOpeningView(design, pane.clientWidth, pane.clientHeight, scale);
  if (large) return flow.setViewport(large, { duration });
  await flow.fitView({ padding: FIT_PADDING, maxZoom: 1, duration: 0 });
  if (flow.getZoom() >= READABLE_ZOOM - 0.001) {
    if (scale !== 1) await flow.zoomTo(flow.getZoom() * scale, { duration: 0 });
    return;
  }
  const first = design.accounts[0] && accountFrames(design).get(design.accounts[0].id);
  const x = first?.x ?? 0;
  const y = first?.y ?? 0;
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
