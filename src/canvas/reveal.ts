import type { ReactFlowInstance } from '@xyflow/react';
import type { EntityId } from '../model';
import { rolecraftStore } from '../store';
import { ENTITY_HEIGHT, ENTITY_WIDTH } from './geometry';

export type FlowControls = Pick<
  ReactFlowInstance,
  'fitView' | 'setCenter' | 'getZoom' | 'getInternalNode'
>;

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Select a node, centre the view on it and give it keyboard focus. */
export function revealNode(flow: FlowControls, id: EntityId) {
  rolecraftStore.getState().select([id]);
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
