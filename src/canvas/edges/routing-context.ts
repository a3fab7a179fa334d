import { createContext, useContext, useMemo, useState } from 'react';
import type { Design } from '../../model';
import { ACCOUNT_HEADER, ENTITY_HEIGHT, ENTITY_WIDTH } from '../geometry';
import { accountFrames, entityPositions } from '../nodes/build-nodes';
import { EdgeRouter } from './edge-router';
import type { End } from './ports';

/**
 * An entity's end, by the position object it was made from: a drop keeps every other layout
 * entry (the same objects), so their ends are the same objects too, and the router sees at once
 * that they did not move.
 */
const entityEnds = new WeakMap<object, End>();

/** Every node's box as the design places it (accounts with their header), by id. */
export function endsOf(design: Design): Map<string, End> {
  const positions = entityPositions(design);
  const ends = new Map<string, End>();
  for (const [id, frame] of accountFrames(design, positions))
    ends.set(id, { id, box: frame, header: ACCOUNT_HEADER });
  for (const [id, at] of positions) {
    let end = entityEnds.get(at);
    if (end?.id !== id) {
      end = { id, box: { x: at.x, y: at.y, width: ENTITY_WIDTH, height: ENTITY_HEIGHT } };
      entityEnds.set(at, end);
    }
    ends.set(id, end);
  }
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
