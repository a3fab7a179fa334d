import {
  addTrustPrincipal,
  findEntity,
  principalRefOfId,
  removeTrustPrincipal,
  setGroupMembership,
  type Design,
  type EntityId,
} from '../model';
import type { FlowEdge } from './edges/edge-data';

/** What drawing an edge from `source` to `target` would do, or undefined when it means nothing. */
export function connectionCommand(
  design: Design,
  source: EntityId,
  target: EntityId,
): ((design: Design) => Design) | undefined {
  const to = findEntity(design, target);
  const from = findEntity(design, source);
  if (!to || !from || source === target) return undefined;
  if (to.kind === 'role') {
    if (principalRefOfId(design, source) === undefined) return undefined;
    return (d) => addTrustPrincipal(d, target, source);
  }
  if (to.kind === 'group' && from.kind === 'user' && from.account === to.account) {
    return (d) => setGroupMembership(d, { userId: source, groupId: target, member: true });
  }
  return undefined;
}

/** Deleting an edge: a trust edge removes exactly the principal it stands for; membership ends. */
export function edgeRemovalCommand(edges: readonly FlowEdge[]) {
  return (design: Design): Design =>
    edges.reduce((next, edge) => {
      if (edge.type === 'trust' && edge.data) {
        return removeTrustPrincipal(next, edge.target, edge.data.trust.principal);
      }
      if (edge.type === 'membership') {
        return setGroupMembership(next, {
          userId: edge.source,
          groupId: edge.target,
          member: false,
        });
      }
      return next;
    }, design);
}
