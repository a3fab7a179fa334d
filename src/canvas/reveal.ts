import type { ReactFlowInstance } from '@xyflow/react';
import type { EntityId } from '../model';
import { ENTITY_HEIGHT, ENTITY_WIDTH } from './geometry';
import { FIT_PADDING, READABLE_ZOOM } from './view-fit';

export type FlowControls = Pick<
  ReactFlowInstance,
  'fitView' | 'setCenter' | 'getZoom' | 'getInternalNode'
>;

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Calls `found` with `look()`'s value on the first frame it has one (for up to `frames`). */
function onceThere<T>(look: () => T | undefined | null, found: (value: T) => void, frames = 30) {
  const value = look();
  if (value) found(value);
  else if (frames > 0) requestAnimationFrame(() => onceThere(look, found, frames - 1));
}

/**
 * Select a node (through the store's `select`), centre the view on it and give it keyboard focus.
 * A large design hands React Flow only the nodes near the view (and the selected ones), so a
 * node far away is known to it a render after it is selected, and drawn once the view is there.
 */
export function revealNode(flow: FlowControls, id: EntityId, select: (ids: EntityId[]) => void) {
  select([id]);
  onceThere(
    () => flow.getInternalNode(id),
    (node) => {
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? ENTITY_WIDTH;
      const height = node.measured.height ?? ENTITY_HEIGHT;
      void flow.setCenter(x + width / 2, y + height / 2, {
        zoom: Math.max(flow.getZoom(), 0.8),
        duration: prefersReducedMotion() ? 0 : 300,
      });
      requestAnimationFrame(() =>
        onceThere(
          () =>
            document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`),
          (element) => element.focus({ preventScroll: true }),
        ),
      );
    },
  );
}

type ViewControls = FlowControls &
  Pick<ReactFlowInstance, 'getViewport' | 'setViewport' | 'getNodes' | 'getNodesBounds'>;

/**
 * Brings a node that is out of view into view; leaves a visible node alone. A design that fits
 * the pane at a readable zoom is shown whole (never zoomed in), so a person building one from
 * scratch keeps every node in reach of a drag; otherwise the view pans only as far as needed,
 * keeping as much of what was in view as it can.
 */
export function bringIntoView(flow: ViewControls, id: EntityId, fitWhole = true) {
  const node = flow.getInternalNode(id);
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  if (!node || !pane) return;
  const { x: vx, y: vy, zoom } = flow.getViewport();
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? ENTITY_WIDTH;
  const height = node.measured.height ?? ENTITY_HEIGHT;
  const left = x * zoom + vx;
  const top = y * zoom + vy;
  const margin = 24;
  const inside =
    left >= margin &&
    top >= margin &&
    left + width * zoom <= pane.width - margin &&
    top + height * zoom <= pane.height - margin;
  if (inside) return;
  const duration = prefersReducedMotion() ? 0 : 200;
  if (fitWhole) {
    const bounds = flow.getNodesBounds(flow.getNodes());
    const room = {
      width: pane.width - parseInt(FIT_PADDING.left) - parseInt(FIT_PADDING.right),
      height: pane.height - parseInt(FIT_PADDING.top) - parseInt(FIT_PADDING.bottom),
    };
    const fits = Math.min(room.width / bounds.width, room.height / bounds.height);
    if (fits >= READABLE_ZOOM) {
      void flow.fitView({ padding: FIT_PADDING, maxZoom: zoom, duration });
      return;
    }
  }
  // The least pan that brings the node in, past the margin on the side it is out of.
  const shift = (start: number, size: number, room: number) =>
    start < margin
      ? margin - start
      : start + size > room - margin
        ? room - margin - (start + size)
        : 0;
  void flow.setViewport(
    {
      x: vx + shift(left, width * zoom, pane.width),
      y: vy + shift(top, height * zoom, pane.height),
      zoom,
    },
    { duration },
  );
}
