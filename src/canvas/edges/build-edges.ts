import { MarkerType } from '@xyflow/react';
import {
  deriveMembershipEdges,
  derivePermissionEdges,
  deriveTrustEdges,
  findEntity,
  type Design,
  type MembershipEdge,
  type PermissionEdge,
  type TrustEdge,
} from '../../model';
import type { FlowEdge, MembershipFlowEdge, PermissionFlowEdge, TrustFlowEdge } from './edge-data';
import { permissionLook, trustEdgeStyle } from './edge-styles';

/** Above account frames (z 0), beneath entity nodes (z 1, later in the DOM): clickable inside accounts. */
const EDGE_Z = 1;

const nameOf = (design: Design, id: string) => findEntity(design, id)?.name ?? id;

function trustAriaLabel(design: Design, edge: TrustEdge): string {
  const gate = edge.label ? ` when ${edge.label}` : '';
  const blocked = edge.blocked ? `, blocked: ${edge.blockedBy}` : '';
  return `${nameOf(design, edge.source)} may assume ${nameOf(design, edge.target)}${gate}${blocked}`;
}

function trustFlowEdge(design: Design, edge: TrustEdge): TrustFlowEdge {
  const style = trustEdgeStyle(edge);
  return {
    id: edge.id,
    type: 'trust',
    zIndex: EDGE_Z,
    source: edge.source,
    target: edge.target,
    data: { trust: edge },
    ariaLabel: trustAriaLabel(design, edge),
    ...(edge.blocked ? {} : { markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke } }),
  };
}

function membershipFlowEdge(design: Design, edge: MembershipEdge): MembershipFlowEdge {
  return {
    id: edge.id,
    type: 'membership',
    zIndex: EDGE_Z,
    source: edge.source,
    target: edge.target,
    data: {},
    ariaLabel: `${nameOf(design, edge.source)} is a member of ${nameOf(design, edge.target)}`,
  };
}

/** The actions, then each conditional one with what it needs: `s3:ListBucket, s3:GetObject if TLS only`. */
function permissionWords(edge: PermissionEdge): string {
  return [
    ...edge.actions,
    ...edge.conditional.map(
      (c) => `${c.action} if ${[...new Set(c.needs.map((n) => n.text))].join(', ')}`,
    ),
  ].join(', ');
}

function permissionFlowEdge(design: Design, edge: PermissionEdge): PermissionFlowEdge {
  return {
    id: edge.id,
    type: 'permission',
    zIndex: EDGE_Z,
    source: edge.source,
    target: edge.target,
    data: { permission: edge },
    deletable: false,
    ariaLabel: `${nameOf(design, edge.source)} may use ${nameOf(design, edge.target)}: ${permissionWords(edge)}`,
    markerEnd: { type: MarkerType.Arrow, color: permissionLook.stroke },
  };
}

/** The parts of a design edges depend on: not the layout, so moving a node derives nothing. */
type EdgeInputs = Pick<
  Design,
  | 'accounts'
  | 'users'
  | 'groups'
  | 'roles'
  | 'services'
  | 'identityProviders'
  | 'outsidePrincipals'
  | 'resources'
  | 'managedPolicies'
>;
const inputKeys: (keyof EdgeInputs)[] = [
  'accounts',
  'users',
  'groups',
  'roles',
  'services',
  'identityProviders',
  'outsidePrincipals',
  'resources',
  'managedPolicies',
];

/** Memoises a derivation on the design parts edges depend on (not the layout). */
function onEdgeInputs<T>(derive: (design: Design) => T): (design: Design) => T {
  let last: { inputs: EdgeInputs; value: T } | undefined;
  return (design) => {
    if (last && inputKeys.every((key) => last!.inputs[key] === design[key])) return last.value;
    const value = derive(design);
    last = { inputs: design, value };
    return value;
  };
}

/** Trust edges (from the model) and group memberships. */
export const buildTrustEdges = onEdgeInputs((design): FlowEdge[] => [
  ...deriveMembershipEdges(design).map((edge) => membershipFlowEdge(design, edge)),
  ...deriveTrustEdges(design).map((edge) => trustFlowEdge(design, edge)),
]);

/** Permission edges: the engine decides each principal/resource pair, so only when shown. */
export const buildPermissionEdges = onEdgeInputs((design): FlowEdge[] =>
  derivePermissionEdges(design).map((edge) => permissionFlowEdge(design, edge)),
);
