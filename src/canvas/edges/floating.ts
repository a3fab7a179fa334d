import { useCallback, useMemo } from 'react';
import { useStore, type EdgeProps, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { ACCOUNT_HEADER } from '../geometry';
import { curveRoute } from './path-shape';
import { portsBetween, type End } from './ports';
import type { Route } from './route';
import { pointAlong } from './route-geometry';
import { useEdgeRoutes } from './routing-context';

/** A node as an edge end, where React Flow has it now (a drag moves it before the design). */
function endOf(node: InternalNode | undefined): End | undefined {
  if (!node) return undefined;
  const box = {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
  return node.type === 'account'
    ? { id: node.id, box, header: ACCOUNT_HEADER }
    : { id: node.id, box };
}

type Ends = readonly [End | undefined, End | undefined];

const sameEnd = (a: End | undefined, b: End | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    a.header === b.header &&
    a.box.x === b.box.x &&
    a.box.y === b.box.y &&
    a.box.width === b.box.width &&
    a.box.height === b.box.height);
const sameEnds = (a: Ends, b: Ends) => sameEnd(a[0], b[0]) && sameEnd(a[1], b[1]);

export interface DrawnPath {
  path: string;
  /** Where a label goes when nothing placed it: the middle of the path. */
  labelX: number;
  labelY: number;
  route: Route | undefined;
}

/**
 * The edge's path: its route around other nodes (see `route.ts`) when both ends are where the
 * design has them; while an end is being dragged, the plain curve between the ends as they are
 * now (routes are recomputed on the drop, not on every frame). Subscribes to the two node
 * boxes only, so an edge re-renders only when an end moves or the routes change.
 */
export function useEdgePath(props: EdgeProps): DrawnPath {
  const { source, target, sourceX, sourceY, targetX, targetY } = props;
  const { router, version } = useEdgeRoutes();
  const selector = useCallback(
    (state: ReactFlowState): Ends => [
      endOf(state.nodeLookup.get(source)),
      endOf(state.nodeLookup.get(target)),
    ],
    [source, target],
  );
  const [from, to] = useStore(selector, sameEnds);
  return useMemo(() => {
    void version; // the router is mutated in place; its version says when routes changed
    const committed =
      sameEnd(from, router.end(source)) && sameEnd(to, router.end(target))
        ? router.route(source, target)
        : undefined;
    const route = committed ?? (from && to ? curveRoute(portsBetween(from, to)) : undefined);
    if (!route) {
      return {
        path: `M${sourceX},${sourceY} L${targetX},${targetY}`,
        labelX: (sourceX + targetX) / 2,
        labelY: (sourceY + targetY) / 2,
        route: undefined,
      };
    }
    const middle = pointAlong(route.points, 0.5);
    return { path: route.path, labelX: middle.x, labelY: middle.y, route: committed };
  }, [from, to, router, version, source, target, sourceX, sourceY, targetX, targetY]);
}
