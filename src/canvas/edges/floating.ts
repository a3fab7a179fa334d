import { Position, getBezierPath, useInternalNode, type EdgeProps } from '@xyflow/react';

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

/**
 * The edge's path, attached to the sides of the two nodes that face each other (so edges stay
 * short whatever the layout). An edge from a container (an account root) keeps its handle.
 */
export function useFloatingPath(props: EdgeProps): [string, number, number] {
  const source = useInternalNode(props.source);
  const target = useInternalNode(props.target);
  const rect = (node: typeof source): Rect | undefined =>
    node && node.type !== 'account'
      ? {
          ...node.internals.positionAbsolute,
          width: node.measured.width ?? node.width ?? 0,
          height: node.measured.height ?? node.height ?? 0,
        }
      : undefined;
  const from = rect(source);
  const to = rect(target);
  if (!from || !to) {
    const [path, x, y] = getBezierPath(props);
    return [path, x, y];
  }
  const [sourcePosition, targetPosition] = sides(from, to);
  const start = anchor(from, sourcePosition);
  const end = anchor(to, targetPosition);
  const [path, x, y] = getBezierPath({
    sourceX: start.x,
    sourceY: start.y,
    sourcePosition,
    targetX: end.x,
    targetY: end.y,
    targetPosition,
  });
  return [path, x, y];
}
