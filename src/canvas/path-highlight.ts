/**
 * A path the analysis found, drawn on the canvas: the hops lit so far get the `path-lit`
 * class (the newest one `path-current` too) on their edge and on the node they reach. A hop
 * with no drawn edge between its nodes (an escalation technique such as creating an access
 * key) gets an edge of its own, of type `path`, for as long as it is lit.
 */
import { useMemo } from 'react';
import { MarkerType } from '@xyflow/react';
import type { EntityId } from '../model';
import { useRolecraft, type PathHighlight, type RolecraftState } from '../store';
import type { FlowEdge, PathFlowEdge } from './edges/edge-data';
import { pathLook } from './edges/edge-styles';
import type { FlowNode } from './nodes/node-data';

const selectPath = (s: RolecraftState) => s.pathHighlight;

/** The lit nodes, each with the number of the hop that reached it (0: the start). */
function litNodes(path: PathHighlight): Map<EntityId, number> {
  const lit = new Map<EntityId, number>();
  const first = path.hops[0];
  if (first) lit.set(first.from, 0);
  path.hops.slice(0, path.lit).forEach((hop, i) => lit.set(hop.to, i + 1));
  return lit;
}

const classes = (current: boolean, base?: string) =>
  [base, 'path-lit', current ? 'path-current' : undefined].filter(Boolean).join(' ');

/** Nodes with the lit part of the path picked out (the same objects where nothing changes). */
export function highlightNodes(nodes: FlowNode[], path: PathHighlight | null): FlowNode[] {
  if (!path) return nodes;
  const lit = litNodes(path);
  return nodes.map((node) => {
    const hop = lit.get(node.id);
    if (hop === undefined) return node;
    const words = hop === 0 ? 'start of the path' : `step ${hop} of the path`;
    return {
      ...node,
      className: classes(hop === path.lit, node.className),
      ariaLabel: `${node.ariaLabel ?? node.id}, ${words}`,
    } as FlowNode;
  });
}

/** Edges with the lit hops picked out, and an edge for each lit hop the design draws none for. */
export function highlightEdges(edges: FlowEdge[], path: PathHighlight | null): FlowEdge[] {
  if (!path || path.lit === 0) return edges;
  const hopOf = new Map<string, number>();
  path.hops.slice(0, path.lit).forEach((hop, i) => {
    if (hop.from !== hop.to) hopOf.set(`${hop.from}\n${hop.to}`, i);
  });
  const drawn = new Set<number>();
  const out = edges.map((edge) => {
    const i = hopOf.get(`${edge.source}\n${edge.target}`);
    if (i === undefined || drawn.has(i)) return edge;
    drawn.add(i);
    return {
      ...edge,
      className: classes(i === path.lit - 1, edge.className),
      ariaLabel: `${edge.ariaLabel ?? edge.id}, step ${i + 1} of the path`,
    } as FlowEdge;
  });
  for (const i of hopOf.values()) {
    if (drawn.has(i)) continue;
    const hop = path.hops[i]!;
    const edge: PathFlowEdge = {
      id: `path-hop-${i}`,
      type: 'path',
      source: hop.from,
      target: hop.to,
      zIndex: 1,
      selectable: false,
      deletable: false,
      className: classes(i === path.lit - 1),
      data: { label: `${i + 1}. ${hop.label}` },
      markerEnd: { type: MarkerType.ArrowClosed, color: pathLook.stroke },
      ariaLabel: `step ${i + 1} of the path: ${hop.label}`,
    };
    out.push(edge);
  }
  return out;
}

/** The canvas's edges with the store's path highlight applied (and its hops' own edges). */
export function useLitEdges(edges: FlowEdge[]): FlowEdge[] {
  const path = useRolecraft(selectPath);
  return useMemo(() => highlightEdges(edges, path), [edges, path]);
}

/** The canvas's nodes with the store's path highlight applied. */
export function useLitNodes(nodes: FlowNode[]): FlowNode[] {
  const path = useRolecraft(selectPath);
  return useMemo(() => highlightNodes(nodes, path), [nodes, path]);
}
