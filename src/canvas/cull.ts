// What a large design hands React Flow: only what is near the view. React Flow measures and
// keeps internal state for every node it is given (even with `onlyRenderVisibleElements`), so
// opening 10,000 nodes would observe 10,000 elements; every node here has a fixed size known
// up front, so the canvas can decide what is near the view without measuring anything, and
// builds only the nodes it hands over (not 20,000 nodes to show 200).

import type { Design } from '../model';
import { boxesOverlap } from './edges/box-index';
import type { FlowEdge } from './edges/edge-data';
import { ACCOUNT_HEADER, ENTITY_HEIGHT, ENTITY_WIDTH, type Frame } from './geometry';
import { accountFrames, entityPositions } from './nodes/build-nodes';

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

/**
 * The ids of the nodes whose box touches `box`, read from the design's placement (no node is
 * built to decide): the accounts whose whole frame touches it and the entities whose box does
 * (only accounts when `far`), in the order the canvas draws them.
 */
export function nodeIdsIn(design: Design, box: Frame, far = false): string[] {
  const ids: string[] = [];
  const positions = entityPositions(design);
  for (const [id, frame] of accountFrames(design, positions))
    if (boxesOverlap(frame, box)) ids.push(id);
  if (far) return ids;
  const right = box.x + box.width;
  const bottom = box.y + box.height;
  for (const [id, at] of positions)
    if (
      at.x < right &&
      box.x < at.x + ENTITY_WIDTH &&
      at.y < bottom &&
      box.y < at.y + ENTITY_HEIGHT
    )
      ids.push(id);
  return ids;
}

/**
 * The nodes React Flow needs: those in the box (`nodeIdsIn`), the ones in `keep` (the selected
 * and dragged ones) and both ends of every edge it is handed (React Flow draws no edge without
 * its two nodes; an end off screen is kept but not rendered).
 */
export function nodeIdsNeeded(
  inBox: readonly string[],
  edges: readonly FlowEdge[],
  keep: Iterable<string> = [],
): Set<string> {
  const ids = new Set(inBox);
  for (const id of keep) ids.add(id);
  for (const edge of edges) {
    ids.add(edge.source);
    ids.add(edge.target);
  }
  return ids;
}
