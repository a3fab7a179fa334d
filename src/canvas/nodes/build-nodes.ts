import {
  accountRootArn,
  arnOf,
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
function placeEntities(design: Design): Map<EntityId, Position> {
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

function frameAccounts(design: Design, positions: ReadonlyMap<EntityId, Position>) {
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

interface Placement {
  positions: ReadonlyMap<EntityId, Position>;
  frames: ReadonlyMap<EntityId, Frame>;
}

// The canvas, the minimap, drops and culling all ask for the same design's placement: once.
const placements = new WeakMap<Design, Placement>();

function placementOf(design: Design): Placement {
  let hit = placements.get(design);
  if (!hit) {
    const positions = placeEntities(design);
    hit = { positions, frames: frameAccounts(design, positions) };
    placements.set(design, hit);
  }
  return hit;
}

/** Absolute positions for every non-account entity (shared: do not change the map). */
export function entityPositions(design: Design): ReadonlyMap<EntityId, Position> {
  return placementOf(design).positions;
}

/** Frames of every account, grown around their entities (shared: do not change the map). */
export function accountFrames(
  design: Design,
  positions?: ReadonlyMap<EntityId, Position>,
): ReadonlyMap<EntityId, Frame> {
  return positions === undefined || positions === placementOf(design).positions
    ? placementOf(design).frames
    : frameAccounts(design, positions);
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

/** What a node was built from: the same inputs give the same node object. */
interface NodeInputs {
  entity: Entity;
  /** The entity's account (its name and id are in the node), or the frame of an account node. */
  parent: Account | Frame | undefined;
  x: number;
  y: number;
  node: FlowNode;
}

/** The nodes last built, by id, with their inputs; `buildNodes` keeps it up to date. */
export type NodeCache = Map<string, NodeInputs>;

const sameFrame = (a: Frame, b: Frame) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * The design's React Flow nodes: accounts first (drawn beneath), then the entities. A node
 * whose entity, account and position did not change keeps its previous object (found in
 * `cache`, which is updated in place), so a drop builds one node and React Flow re-renders
 * only that one.
 */
export function buildNodes(design: Design, cache: NodeCache): FlowNode[] {
  const { positions, frames } = placementOf(design);
  const nodes: FlowNode[] = [];
  const seen = new Set<string>();
  for (const account of design.accounts) {
    const frame = frames.get(account.id)!;
    const old = cache.get(account.id);
    const reuse =
      old && old.entity === account && old.parent && sameFrame(old.parent as Frame, frame);
    const node = reuse ? old.node : accountNode(account, frame);
    if (!reuse) cache.set(account.id, { entity: account, parent: frame, x: 0, y: 0, node });
    nodes.push(node);
    seen.add(account.id);
  }
  const accounts = new Map(design.accounts.map((account) => [account.id, account]));
  for (const entity of [...accountScopedEntities(design), ...freeEntities(design)]) {
    const position = positions.get(entity.id)!;
    const account = isAccountScoped(entity) ? accounts.get(entity.account) : undefined;
    const old = cache.get(entity.id);
    const reuse =
      old &&
      old.entity === entity &&
      old.parent === account &&
      old.x === position.x &&
      old.y === position.y;
    let node: FlowNode;
    if (reuse) node = old.node;
    else {
      const parent = account ? { account, frame: frames.get(account.id)! } : undefined;
      node = entityNode(design, entity, position, parent);
      cache.set(entity.id, { entity, parent: account, x: position.x, y: position.y, node });
    }
    nodes.push(node);
    seen.add(entity.id);
  }
  if (cache.size > seen.size) for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return nodes;
}

/** The box around every account frame and entity of the design, as placed. */
export function designBounds(design: Design): Frame {
  const { positions, frames } = placementOf(design);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const grow = (x: number, y: number, width: number, height: number) => {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  };
  for (const f of frames.values()) grow(f.x, f.y, f.width, f.height);
  for (const p of positions.values()) grow(p.x, p.y, ENTITY_WIDTH, ENTITY_HEIGHT);
  if (!Number.isFinite(left)) return { x: 0, y: 0, width: 1, height: 1 };
  return { x: left, y: top, width: right - left, height: bottom - top };
}
