import type { Edge } from '@xyflow/react';
import type { PermissionEdge, TrustEdge } from '../../model';

export type TrustFlowEdge = Edge<{ trust: TrustEdge }, 'trust'>;
export type MembershipFlowEdge = Edge<Record<string, never>, 'membership'>;
export type PermissionFlowEdge = Edge<{ permission: PermissionEdge }, 'permission'>;
export type FlowEdge = TrustFlowEdge | MembershipFlowEdge | PermissionFlowEdge | PathFlowEdge;
/** A hop of a highlighted path that no design edge draws (see `path-highlight.ts`). */
export type PathFlowEdge = Edge<{ label: string }, 'path'>;
