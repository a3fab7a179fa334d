import { createContext, useContext, useMemo } from 'react';
import type { FlowEdge } from './edge-data';
import type { EdgeRoutes } from './routing-context';
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

/**
 * Places the labels of these edges along their routes, clear of the node boxes and account
 * headers as the design lays them out, trust conditions first, none cut by the edge of
 * `view` (what the opening view shows); placed again when the layout (and so a route) changes,
 * not on every frame of a drag. `enabled` off (large, culled designs) leaves every label at its
 * edge's middle.
 */
export function useLabelPlacements(
  edges: readonly FlowEdge[],
  enabled: boolean,
  { router, version }: EdgeRoutes,
  view?: Box,
): ReadonlyMap<string, LabelPlacement> {
  return useMemo(() => {
    if (!enabled) return new Map();
    void version; // the router is mutated in place; its version says when routes changed
    const obstacles: Box[] = router.obstacles();
    // Trust conditions first: who may become whom (an ExternalId, MFA) finds the places on and
    // near its edge before the permission summaries take them.
    const ordered = [
      ...edges.filter((e) => e.type === 'trust'),
      ...edges.filter((e) => e.type !== 'trust'),
    ];
    const requests = ordered.flatMap((edge) => {
      if (edge.hidden) return [];
      const text = labelTextOf(edge);
      const route = text && router.route(edge.source, edge.target);
      return text && route ? [{ id: edge.id, points: route.points, text }] : [];
    });
    return placeLabels(requests, obstacles, view);
  }, [edges, enabled, router, version, view]);
}
