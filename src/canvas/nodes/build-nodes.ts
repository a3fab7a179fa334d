import {
  accountRootArn,
  arnOf,
  findEntity,
  type Account,
  type Design,
  type Entity,
  type EntityId,
  type Position,
} from '../../model';
import {
  ACCOUNT_HEADER,
  ACCOUNT_PADDING,
  ENTITY_HEIGHT,
  ENTITY_WIDTH,
  accountFrame,
  type Frame,
} from '../geometry';
import { glyphOf, kindLabel } from '../presentation';
import type { AccountFlowNode, EntityFlowNode, FlowNode } from './node-data';

/** Entities that live inside an account's frame. */
export type AccountScoped = Extract<Entity, { account: EntityId }>;

const isAccountScoped = (entity: Entity): entity is AccountScoped => 'account' in entity;

export function accountScopedEntities(design: Design): AccountScoped[] {
  return [
    ...design.users,
    ...design.groups,
    ...design.roles,
    ...design.identityProviders,
    ...design.resources,
  ];
}

export function freeEntities(design: Design): Entity[] {
  return [...design.services, ...design.outsidePrincipals];
}

/** Absolute positions for every non-account entity, filling in a grid for those without one. */
export function entityPositions(design: Design): Map<EntityId, Position> {
  const positions = new Map<EntityId, Position>();
  const slotInAccount = new Map<EntityId, number>();
  for (const entity of accountScopedEntities(design)) {
    const stored = design.layout[entity.id];
    if (stored) {
      positions.set(entity.id, stored);
      continue;
    }
    const slot = slotInAccount.get(entity.account) ?? 0;
    slotInAccount.set(entity.account, slot + 1);
    const origin = design.layout[entity.account] ?? { x: 0, y: 0 };
    positions.set(entity.id, {
      x: origin.x + ACCOUNT_PADDING + (slot % 3) * (ENTITY_WIDTH + ACCOUNT_PADDING),
      y: origin.y + ACCOUNT_HEADER + Math.floor(slot / 3) * (ENTITY_HEIGHT + ACCOUNT_PADDING * 2),
    });
  }
  let free = 0;
  for (const entity of freeEntities(design)) {
    const stored = design.layout[entity.id];
    positions.set(entity.id, stored ?? { x: -ENTITY_WIDTH - 80, y: free * (ENTITY_HEIGHT + 40) });
    if (!stored) free++;
  }
  return positions;
}

/** Frames of every account, grown around their entities. */
export function accountFrames(
  design: Design,
  positions = entityPositions(design),
): Map<EntityId, Frame> {
  const children = new Map<EntityId, Position[]>();
  for (const entity of accountScopedEntities(design)) {
    const position = positions.get(entity.id);
    if (!position) continue;
    const list = children.get(entity.account) ?? [];
    list.push(position);
    children.set(entity.account, list);
  }
  const frames = new Map<EntityId, Frame>();
  design.accounts.forEach((account, index) => {
    const stored = design.layout[account.id] ?? { x: index * 560, y: 0 };
    frames.set(account.id, accountFrame(stored, children.get(account.id) ?? []));
  });
  return frames;
}

function entityAriaLabel(entity: Entity, accountName: string | undefined): string {
  const where = accountName === undefined ? '' : ` in ${accountName}`;
  return `${entity.name}, ${kindLabel(entity)}${where}`;
}

function accountNode(account: Account, frame: Frame): AccountFlowNode {
  return {
    id: account.id,
    type: 'account',
    position: { x: frame.x, y: frame.y },
    width: frame.width,
    height: frame.height,
    measured: { width: frame.width, height: frame.height },
    ariaLabel: `${account.name}, AWS account ${account.awsAccountId}`,
    data: { account, arn: accountRootArn(account.awsAccountId), dropTarget: false },
  };
}

function entityNode(
  design: Design,
  entity: Entity,
  position: Position,
  parent: { account: Account; frame: Frame } | undefined,
): EntityFlowNode {
  const accountName = parent?.account.name;
  return {
    id: entity.id,
    type: 'entity',
    // Absolute, like the layout: accounts are drawn behind their entities, not as React Flow
    // parents (which would make every drag frame recompute every child's position).
    position: { x: position.x, y: position.y },
    width: ENTITY_WIDTH,
    height: ENTITY_HEIGHT,
    measured: ENTITY_SIZE,
    // Above edge labels (z 1 in styles.css), like the children of accounts.
    zIndex: 1,
    ariaLabel: entityAriaLabel(entity, accountName),
    data: {
      entity,
      kindLabel: kindLabel(entity),
      glyph: glyphOf(entity),
      arn: arnOf(design, entity),
      accountName,
      isPrincipal: entity.kind !== 'group' && entity.kind !== 'resource',
      isRole: entity.kind === 'role',
      isEdgeTarget: entity.kind === 'group' || entity.kind === 'resource',
    },
  };
}

const ENTITY_SIZE = { width: ENTITY_WIDTH, height: ENTITY_HEIGHT };

function sameNode(a: FlowNode, b: FlowNode): boolean {
  if (a.type !== b.type || a.ariaLabel !== b.ariaLabel) return false;
  if (a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  if (a.width !== b.width || a.height !== b.height) return false;
  const keys = Object.keys(a.data) as (keyof typeof a.data)[];
  return keys.every((key) => a.data[key] === (b.data as typeof a.data)[key]);
}

/**
 * The design's React Flow nodes: accounts first (drawn beneath), then the entities.
 * Nodes whose content did not change keep their previous object, so React Flow re-renders only
 * what changed; `previous` is updated in place.
 */
export function buildNodes(design: Design, previous: Map<string, FlowNode>): FlowNode[] {
  const positions = entityPositions(design);
  const frames = accountFrames(design, positions);
  const nodes: FlowNode[] = [];
  const keep = (node: FlowNode) => {
    const old = previous.get(node.id);
    const chosen = old && sameNode(old, node) ? old : node;
    nodes.push(chosen);
    return chosen;
  };
  for (const account of design.accounts) keep(accountNode(account, frames.get(account.id)!));
  for (const entity of [...accountScopedEntities(design), ...freeEntities(design)]) {
    const account = isAccountScoped(entity) ? findEntity(design, entity.account) : undefined;
    const parent =
      account?.kind === 'account' ? { account, frame: frames.get(account.id)! } : undefined;
    keep(entityNode(design, entity, positions.get(entity.id)!, parent));
  }
  previous.clear();
  for (const node of nodes) previous.set(node.id, node);
  return nodes;
}
