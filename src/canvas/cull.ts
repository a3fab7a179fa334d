// What a large design hands React Flow: only what is near the view. React Flow measures and
// keeps internal state for every node it is given (even with `onlyRenderVisibleElements`), so
// opening 10,000 nodes would observe 10,000 elements; every node here has a fixed size known
// up front, so the canvas can decide what is near the view without measuring anything.

import type { Design } from '../model';
import { boxesOverlap } from './edges/box-index';
import type { FlowEdge } from './edges/edge-data';
import { ACCOUNT_HEADER, ENTITY_HEIGHT, ENTITY_WIDTH, type Frame } from './geometry';
import { accountFrames, entityPositions } from './nodes/build-nodes';
import type { FlowNode } from './nodes/node-data';

/** The solid box of a node, by id: an entity's box, an account's header (its frame is open). */
export type SolidBoxOf = (id: string) => Frame | undefined;

/** Solid boxes as the design places its nodes (committed positions, not a drag in progress). */
export function solidBoxes(design: Design): SolidBoxOf {
  const positions = entityPositions(design);
  const frames = accountFrames(design, positions);
  return (id) => {
    const at = positions.get(id);
    if (at) return { x: at.x, y: at.y, width: ENTITY_WIDTH, height: ENTITY_HEIGHT };
    const frame = frames.get(id);
    return frame && { ...frame, height: ACCOUNT_HEADER };
  };
}

/**
 * The edges worth drawing near the view: those whose two ends (their solid boxes) both touch
 * `box`, and every edge of a node in `keep` (the selected and dragged ones), wherever its other
 * end is. An edge with an end far away is left out otherwise: a service near the view trusted
 * by a thousand roles across the design would draw a fan of a thousand lines off screen.
 */
export function cullEdges<E extends FlowEdge>(
  edges: readonly E[],
  box: Frame,
  boxOf: SolidBoxOf,
  keep: ReadonlySet<string> = new Set(),
  /** Zoomed out past reading names: only the edges of nodes in `keep`. */
  far = false,
) {
  const near = (id: string) => {
    const solid = boxOf(id);
    return solid !== undefined && boxesOverlap(solid, box);
  };
  return edges.filter(
    (edge) =>
      keep.has(edge.source) ||
      keep.has(edge.target) ||
      (!far && near(edge.source) && near(edge.target)),
  );
}

const nodeBox = (node: FlowNode): Frame => ({
  x: node.position.x,
  y: node.position.y,
  width: node.width ?? ENTITY_WIDTH,
  height: node.height ?? ENTITY_HEIGHT,
});

/**
 * The nodes React Flow needs: those whose box (an account's whole frame) touches `box` (only
 * accounts when `far`), the
 * selected and dragged ones, and both ends of every edge it is handed (React Flow draws no edge
 * without its two nodes; an end off screen is kept but not rendered).
 */
export function cullNodes(
  nodes: readonly FlowNode[],
  box: Frame,
  edges: readonly FlowEdge[],
  /** Zoomed out past reading names: of the nodes in the box, only account frames. */
  far = false,
): FlowNode[] {
  const ends = new Set<string>();
  for (const edge of edges) {
    ends.add(edge.source);
    ends.add(edge.target);
  }
  return nodes.filter(
    (node) =>
      node.selected === true ||
      node.dragging === true ||
      ends.has(node.id) ||
      ((!far || node.type === 'account') && boxesOverlap(nodeBox(node), box)),
  );
}
