import { createContext, useContext, useMemo } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { ACCOUNT_HEADER } from '../geometry';
import type { FlowEdge } from './edge-data';
import { edgePathBetween } from './floating';
import { placeLabels, type Box, type LabelPlacement } from './label-placement';

/** Each labelled edge's label centre, placed clear of nodes and of each other. */
export const LabelPlacements = createContext<ReadonlyMap<string, LabelPlacement>>(new Map());

export function useLabelPlacement(edgeId: string): LabelPlacement | undefined {
  return useContext(LabelPlacements).get(edgeId);
}

/** The text an edge's label shows (none for memberships). */
function labelTextOf(edge: FlowEdge): string | undefined {
  if (edge.type === 'trust' && edge.data) {
    const { trust } = edge.data;
    return trust.blocked ? `blocked: ${trust.blockedBy}` : trust.label || undefined;
  }
  if (edge.type === 'permission' && edge.data) return edge.data.permission.label || undefined;
  return undefined;
}

const selectNodes = (s: ReactFlowState) => s.nodes;
const selectLookup = (s: ReactFlowState) => s.nodeLookup;

/**
 * Places the labels of these edges against the nodes as React Flow has measured them; placed
 * again whenever a node moves or is measured. `enabled` off (large, culled designs) leaves
 * every label at its edge's middle.
 */
export function useLabelPlacements(
  edges: readonly FlowEdge[],
  enabled: boolean,
): ReadonlyMap<string, LabelPlacement> {
  const nodes = useStore(selectNodes);
  const lookup = useStore(selectLookup);
  return useMemo(() => {
    if (!enabled) return new Map();
    void nodes; // the lookup is mutated in place; the node list says when it changed
    const obstacles: Box[] = [];
    for (const node of lookup.values()) {
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? node.width ?? 0;
      const height = node.measured.height ?? node.height ?? 0;
      if (width === 0 || height === 0) continue;
      obstacles.push(
        node.type === 'account' ? { x, y, width, height: ACCOUNT_HEADER } : { x, y, width, height },
      );
    }
    const requests = edges.flatMap((edge) => {
      if (edge.hidden) return [];
      const text = labelTextOf(edge);
      const path = text && edgePathBetween(lookup.get(edge.source), lookup.get(edge.target));
      return text && path ? [{ id: edge.id, path, text }] : [];
    });
    return placeLabels(requests, obstacles);
  }, [edges, enabled, nodes, lookup]);
}
