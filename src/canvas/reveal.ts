import type { ReactFlowInstance } from '@xyflow/react';
import type { EntityId } from '../model';
import { ENTITY_HEIGHT, ENTITY_WIDTH } from './geometry';

export type FlowControls = Pick<
  ReactFlowInstance,
  'fitView' | 'setCenter' | 'getZoom' | 'getInternalNode'
>;

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Select a node (through the store's `select`), centre the view on it and give it keyboard focus. */
export function revealNode(flow: FlowControls, id: EntityId, select: (ids: EntityId[]) => void) {
  select([id]);
  const node = flow.getInternalNode(id);
  if (!node) return;
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? ENTITY_WIDTH;
  const height = node.measured.height ?? ENTITY_HEIGHT;
  void flow.setCenter(x + width / 2, y + height / 2, {
    zoom: Math.max(flow.getZoom(), 0.8),
    duration: prefersReducedMotion() ? 0 : 300,
  });
  requestAnimationFrame(() => {
    document
      .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true });
  });
}

/** Pan (not zoom) so a node that is out of view comes into view; leaves a visible node alone. */
export function bringIntoView(
  flow: FlowControls & Pick<ReactFlowInstance, 'getViewport'>,
  id: EntityId,
) {
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
  void flow.setCenter(x + width / 2, y + height / 2, {
    zoom,
    duration: prefersReducedMotion() ? 0 : 200,
  });
}
