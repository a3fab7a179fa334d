import { useStore, type ReactFlowState } from '@xyflow/react';
import { useCallback, useLayoutEffect, useState } from 'react';
import type { Point } from './geometry';

/** Points sampled along an edge's path: enough for a token to follow a curve smoothly. */
const SAMPLES = 48;

/**
 * The edge a request travels: from the first of `sources` (in order of preference) that an
 * edge of one of `types` joins to `target`, as React Flow holds the edges now.
 */
function edgeIdBetween(
  state: ReactFlowState,
  sources: readonly string[],
  target: string | undefined,
  types: readonly string[],
): string | undefined {
  if (!target) return undefined;
  for (const source of sources) {
    const edge = state.edges.find(
      (e) =>
        e.source === source && e.target === target && !e.hidden && types.includes(e.type ?? ''),
    );
    if (edge) return edge.id;
  }
  return undefined;
}

/** The SVG path the canvas drew for an edge, whatever routed it. */
function renderedPath(edgeId: string): SVGPathElement | null {
  if (typeof document === 'undefined') return null;
  const id = typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(edgeId) : edgeId;
  return document.querySelector<SVGPathElement>(
    `.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`,
  );
}

function sample(path: SVGPathElement): Point[] | undefined {
  if (typeof path.getTotalLength !== 'function') return undefined;
  const length = path.getTotalLength();
  if (!Number.isFinite(length) || length <= 0) return undefined;
  return Array.from({ length: SAMPLES + 1 }, (_, i) => {
    const p = path.getPointAtLength((length * i) / SAMPLES);
    return { x: p.x, y: p.y };
  });
}

const samePoints = (a: readonly Point[] | undefined, b: readonly Point[] | undefined) =>
  a === b ||
  (!!a && !!b && a.length === b.length && a.every((p, i) => p.x === b[i]!.x && p.y === b[i]!.y));

/**
 * The route of the edge from one of `sources` to `target` in flow coordinates, read from the
 * path the canvas rendered for it (so the request follows the line a person sees), or
 * undefined when no such edge is drawn. Read again whenever the edges or the two ends move.
 */
export function useEdgeRoute(
  sources: readonly string[],
  target: string | undefined,
  types: readonly string[],
): Point[] | undefined {
  const sourceKey = sources.join('\u0000');
  const typeKey = types.join('\u0000');
  const edgeId = useStore(
    useCallback(
      (s: ReactFlowState) =>
        edgeIdBetween(s, sourceKey.split('\u0000'), target, typeKey.split('\u0000')),
      [sourceKey, target, typeKey],
    ),
  );
  const edges = useStore((s) => (edgeId ? s.edges : null));
  // Where the edge's two ends are (flow coordinates): its path changes when they move.
  const ends = useStore(
    useCallback(
      (s: ReactFlowState) => {
        const edge = edgeId ? s.edges.find((e) => e.id === edgeId) : undefined;
        if (!edge) return '';
        return [edge.source, edge.target]
          .map((id) => {
            const node = s.nodeLookup.get(id);
            if (!node) return '-';
            const { x, y } = node.internals.positionAbsolute;
            return `${x},${y},${node.measured.width ?? 0},${node.measured.height ?? 0}`;
          })
          .join(';');
      },
      [edgeId],
    ),
  );
  const [route, setRoute] = useState<Point[] | undefined>();
  useLayoutEffect(() => {
    const read = () => {
      const path = edgeId ? renderedPath(edgeId) : null;
      const next = path ? sample(path) : undefined;
      setRoute((previous) => (samePoints(previous, next) ? previous : next));
    };
    read();
    // An edge that draws its path in a later commit (routed after its ends moved) is read again.
    if (typeof requestAnimationFrame !== 'function') return;
    const frame = requestAnimationFrame(read);
    return () => cancelAnimationFrame(frame);
  }, [edgeId, edges, ends]);
  return edgeId ? route : undefined;
}
