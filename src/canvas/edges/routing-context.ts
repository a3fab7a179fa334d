import { createContext, useContext, useMemo, useState } from 'react';
import type { Design, Position } from '../../model';
import { ACCOUNT_HEADER, ENTITY_HEIGHT, ENTITY_WIDTH } from '../geometry';
import {
  accountFrames,
  entityPositions,
  placementKey,
  placementUpdate,
} from '../nodes/build-nodes';
import { EdgeRouter } from './edge-router';
import type { End } from './ports';

/**
 * An entity's end, by the position object it was made from: a drop keeps every other layout
 * entry (the same objects), so their ends are the same objects too, and the router sees at once
 * that they did not move.
 */
const entityEnds = new WeakMap<object, End>();

function entityEnd(id: string, at: Position): End {
  let end = entityEnds.get(at);
  if (end?.id !== id) {
    end = { id, box: { x: at.x, y: at.y, width: ENTITY_WIDTH, height: ENTITY_HEIGHT } };
    entityEnds.set(at, end);
  }
  return end;
}

/** The ends made for each placement (see `placementKey`): a drop's are updated from the last. */
const endsByPlacement = new WeakMap<object, Map<string, End>>();

/** Every node's box as the design places it (accounts with their header), by id. */
export function endsOf(design: Design): Map<string, End> {
  const key = placementKey(design);
  const hit = endsByPlacement.get(key);
  if (hit) return hit;
  const positions = entityPositions(design);
  const frames = accountFrames(design, positions);
  const update = placementUpdate(design);
  const before = update && endsByPlacement.get(update.from);
  let ends: Map<string, End>;
  if (before) {
    // A drop: the moved entities' ends and the frames that changed (the same frame objects
    // otherwise), not 10,000 ends again.
    ends = new Map(before);
    for (const id of update.moved) {
      const at = positions.get(id);
      if (at) ends.set(id, entityEnd(id, at));
    }
    for (const [id, frame] of frames)
      if (before.get(id)?.box !== frame) ends.set(id, { id, box: frame, header: ACCOUNT_HEADER });
  } else {
    ends = new Map();
    for (const [id, frame] of frames) ends.set(id, { id, box: frame, header: ACCOUNT_HEADER });
    for (const [id, at] of positions) ends.set(id, entityEnd(id, at));
  }
  endsByPlacement.set(key, ends);
  return ends;
}

export interface EdgeRoutes {
  router: EdgeRouter;
  /** Changes whenever a route may have changed (the router itself is the same object). */
  version: number;
}

const fallback = new EdgeRouter();
export const EdgeRoutesContext = createContext<EdgeRoutes>({ router: fallback, version: 0 });

/** The router and its version, for an edge view or an overlay that follows an edge. */
export function useEdgeRoutes(): EdgeRoutes {
  return useContext(EdgeRoutesContext);
}

/**
 * One router for the canvas, fed the design's committed layout: a drag in progress does not
 * re-route (its edges draw the plain curve until the drop).
 */
export function useEdgeRouter(design: Design): EdgeRoutes {
  const [router] = useState(() => new EdgeRouter());
  const version = useMemo(() => {
    router.update(endsOf(design));
    return router.version;
  }, [router, design]);
  return useMemo(() => ({ router, version }), [router, version]);
}
