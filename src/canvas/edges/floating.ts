import { useCallback, useMemo } from 'react';
import {
  Position,
  getBezierPath,
  useStore,
  type EdgeProps,
  type InternalNode,
  type ReactFlowState,
} from '@xyflow/react';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function sides(from: Rect, to: Rect): [Position, Position] {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  const gapX = Math.abs(dx) - (from.width + to.width) / 2;
  const gapY = Math.abs(dy) - (from.height + to.height) / 2;
  if (gapX > gapY)
    return dx > 0 ? [Position.Right, Position.Left] : [Position.Left, Position.Right];
  return dy > 0 ? [Position.Bottom, Position.Top] : [Position.Top, Position.Bottom];
}

function anchor(rect: Rect, side: Position) {
  switch (side) {
    case Position.Left:
      return { x: rect.x, y: rect.y + rect.height / 2 };
    case Position.Right:
      return { x: rect.x + rect.width, y: rect.y + rect.height / 2 };
    case Position.Top:
      return { x: rect.x + rect.width / 2, y: rect.y };
    case Position.Bottom:
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height };
  }
}

function rectOf(node: InternalNode | undefined): Rect | undefined {
  if (!node || node.type === 'account') return undefined;
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

type Geometry = readonly [Rect | undefined, Rect | undefined];

const sameRect = (a: Rect | undefined, b: Rect | undefined) =>
  a === b ||
  (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
const sameGeometry = (a: Geometry, b: Geometry) => sameRect(a[0], b[0]) && sameRect(a[1], b[1]);

/**
 * The edge's path, attached to the sides of the two nodes that face each other (so edges stay
 * short whatever the layout). An edge from a container (an account root) keeps its handle.
 * Subscribes to the two node boxes only, so an edge re-renders only when an end moves.
 */
export function useFloatingPath(props: EdgeProps): [string, number, number] {
  const { source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } =
    props;
  const selector = useCallback(
    (state: ReactFlowState): Geometry => [
      rectOf(state.nodeLookup.get(source)),
      rectOf(state.nodeLookup.get(target)),
    ],
    [source, target],
  );
  const [from, to] = useStore(selector, sameGeometry);
  return useMemo(() => {
    const [path, x, y] =
      from && to
        ? floatingBezier(from, to)
        : getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
    return [path, x, y];
  }, [from, to, sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition]);
}

function floatingBezier(from: Rect, to: Rect) {
  const [sourcePosition, targetPosition] = sides(from, to);
  const start = anchor(from, sourcePosition);
  const end = anchor(to, targetPosition);
  return getBezierPath({
    sourceX: start.x,
    sourceY: start.y,
    sourcePosition,
    targetX: end.x,
    targetY: end.y,
    targetPosition,
  });
}

/** Where a node's first handle of this type sits, as React Flow places an edge's end on it. */
function handlePoint(node: InternalNode, type: 'source' | 'target') {
  const handle = node.internals.handleBounds?.[type]?.[0];
  if (!handle) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  const dx =
    handle.position === Position.Right
      ? handle.width
      : handle.position === Position.Left
        ? 0
        : handle.width / 2;
  const dy =
    handle.position === Position.Bottom
      ? handle.height
      : handle.position === Position.Top
        ? 0
        : handle.height / 2;
  return { x: x + handle.x + dx, y: y + handle.y + dy, position: handle.position };
}

/** The path an edge view draws between these two nodes (see `useFloatingPath`). */
export function edgePathBetween(
  source: InternalNode | undefined,
  target: InternalNode | undefined,
): string | undefined {
  const from = rectOf(source);
  const to = rectOf(target);
  if (from && to) return floatingBezier(from, to)[0];
  const start = source && handlePoint(source, 'source');
  const end = target && handlePoint(target, 'target');
  if (!start || !end) return undefined;
  return getBezierPath({
    sourceX: start.x,
    sourceY: start.y,
    sourcePosition: start.position,
    targetX: end.x,
    targetY: end.y,
    targetPosition: end.position,
  })[0];
}
