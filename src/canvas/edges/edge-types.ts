import type { EdgeTypes } from '@xyflow/react';
import { PathEdgeView } from './PathEdgeView';
import { MembershipEdgeView, PermissionEdgeView } from './RelationEdges';
import { TrustEdgeView } from './TrustEdgeView';

/** Module level: recreating edge types on render re-mounts every edge. */
export const edgeTypes: EdgeTypes = {
  trust: TrustEdgeView,
  membership: MembershipEdgeView,
  permission: PermissionEdgeView,
  path: PathEdgeView,
};
