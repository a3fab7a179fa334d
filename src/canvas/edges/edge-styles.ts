import type { TrustEdge, TrustEdgeKind } from '../../model';

export interface EdgeLook {
  stroke: string;
  strokeWidth: number;
  dash?: string;
  /** Words for the legend. */
  label: string;
}

export const trustLooks: Record<TrustEdgeKind, EdgeLook> = {
  'same-account': { stroke: '#64748b', strokeWidth: 2, label: 'same account' },
  'cross-account': { stroke: '#7c3aed', strokeWidth: 2.5, label: 'cross-account' },
  service: { stroke: '#059669', strokeWidth: 2, label: 'AWS service' },
  federated: { stroke: '#0891b2', strokeWidth: 2, label: 'federated' },
  public: { stroke: '#dc2626', strokeWidth: 3, label: 'public (anyone)' },
};

export const blockedLook: EdgeLook = {
  stroke: '#dc2626',
  strokeWidth: 1.5,
  dash: '6 5',
  label: 'blocked (a Deny, or a layer that does not allow)',
};

export const membershipLook: EdgeLook = {
  stroke: '#94a3b8',
  strokeWidth: 1.5,
  dash: '2 4',
  label: 'group membership',
};

export const permissionLook: EdgeLook = {
  stroke: '#b45309',
  strokeWidth: 1.25,
  dash: '8 3 2 3',
  label: 'permission on a resource',
};

/** A hop of a highlighted path that no design edge draws (an escalation technique). */
export const pathLook: EdgeLook = {
  stroke: '#c026d3',
  strokeWidth: 3,
  label: 'a step of the highlighted path',
};

export function trustEdgeStyle(edge: TrustEdge): EdgeLook {
  return edge.blocked ? blockedLook : trustLooks[edge.kind];
}
