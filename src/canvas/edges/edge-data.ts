import type { Edge } from '@xyflow/react';
import type { PermissionEdge, TrustEdge } from '../../model';

export type TrustFlowEdge = Edge<{ trust: TrustEdge }, 'trust'>;
export type MembershipFlowEdge = Edge<Record<string, never>, 'membership'>;
export type PermissionFlowEdge = Edge<{ permission: PermissionEdge }, 'permission'>;
export type FlowEdge = TrustFlowEdge | MembershipFlowEdge | PermissionFlowEdge;
