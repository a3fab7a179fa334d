import {
  accountRootArn,
  arnOf,
  findEntity,
  layoutChanges,
  sameAccessInputs,
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

/** Each account's entities, by account id. */
function childrenByAccount(design: Design): Map<EntityId, EntityId[]> {
  const children = new Map<EntityId, EntityId[]>();
  for (const entity of accountScopedEntities(design)) {
    const list = children.get(entity.account) ?? [];
    list.push(entity.id);
    children.set(entity.account, list);
  }
  return children;
}

function frameOf(
  design: Design,
  index: number,
  children: readonly EntityId[] | undefined,
  positions: ReadonlyMap<EntityId, Position>,
): Frame {
  const account = design.accounts[index]!;
  const stored = design.layout[account.id] ?? { x: index * 560, y: 0 };
  const at: Position[] = [];
  for (const id of children ?? []) {
    const position = positions.get(id);
    if (position) at.push(position);
  }
  return accountFrame(stored, at);
}

function frameAccounts(
  design: Design,
  positions: ReadonlyMap<EntityId, Position>,
  children = childrenByAccount(design),
) {
  const frames = new Map<EntityId, Frame>();
  design.accounts.forEach((account, index) => {
    frames.set(account.id, frameOf(design, index, children.get(account.id), positions));
  });
  return frames;
}

interface Placement {
  positions: ReadonlyMap<EntityId, Position>;
  frames: ReadonlyMap<EntityId, Frame>;
  children: ReadonlyMap<EntityId, readonly EntityId[]>;
  /** How many layout entries the design had. */
  entries: number;
  /**
   * The placement this one was updated from and the entities that moved since (a drop), so
   * what is derived from placements can be updated too; absent when placed afresh, and let go
   * once the next placement is updated from this one (a chain of placements, each with its
   * 10,000 positions, would keep every drop's copy alive).
   */
  from?: { placement: Placement; moved: readonly EntityId[] };
}

// The canvas, the minimap, drops and culling all ask for the same design's placement: once.
const placements = new WeakMap<Design, Placement>();
/** The last design placed: the next one, the same entities moved (a drop), is updated from it. */
let lastPlaced: { design: Design; placement: Placement } | undefined;

function placeAfresh(design: Design): Placement {
  const positions = placeEntities(design);
  const children = childrenByAccount(design);
  let entries = 0;
  for (const id in design.layout) if (design.layout[id]) entries++;
  return { positions, frames: frameAccounts(design, positions, children), children, entries };
}

/**
 * `design` placed by updating the placement of `before`, when they hold the same entities and
 * accounts (the same objects) and only entities' stored positions differ: a drop at 10,000
 * nodes updates what moved instead of placing every entity again. Undefined otherwise.
 */
function placeMoved(before: Design, placed: Placement, design: Design): Placement | undefined {
  if (!sameAccessInputs(before, design) || before.accounts !== design.accounts) return undefined;
  const old = before.layout;
  // A drop's layout knows which entries it set; otherwise every entry is compared.
  const known = layoutChanges(old, design.layout);
  let moved: EntityId[] = [];
  let entries = placed.entries;
  if (known) {
    for (const id of known) entries += (design.layout[id] ? 1 : 0) - (old[id] ? 1 : 0);
    moved = known.filter((id) => design.layout[id]);
  } else {
    entries = 0;
    for (const id in design.layout) {
      const at = design.layout[id];
      if (!at) continue;
      entries++;
      if (at !== old[id]) moved.push(id);
    }
  }
  // A removed or added entry (unplaced entities fill slots in order), or an account moved (its
  // unplaced entities follow it), or many moves (an auto layout): place afresh.
  if (entries !== placed.entries || moved.length > 500) return undefined;
  const positions = new Map(placed.positions);
  const accounts = new Set<EntityId>();
  for (const id of moved) {
    if (placed.frames.has(id) || !old[id]) return undefined;
    if (!positions.has(id)) continue;
    positions.set(id, design.layout[id]!);
    const entity = findEntity(design, id);
    if (entity && isAccountScoped(entity)) accounts.add(entity.account);
  }
  const frames = new Map(placed.frames);
  design.accounts.forEach((account, index) => {
    if (accounts.has(account.id))
      frames.set(account.id, frameOf(design, index, placed.children.get(account.id), positions));
  });
  return {
    positions,
    frames,
    children: placed.children,
    entries,
    from: { placement: placed, moved },
  };
}

function placementOf(design: Design): Placement {
  let hit = placements.get(design);
  if (!hit) {
    hit =
      (lastPlaced && placeMoved(lastPlaced.design, lastPlaced.placement, design)) ??
      placeAfresh(design);
    // What is derived from placements is updated from the last one only: the one before it
    // is let go (see `Placement.from`).
    if (hit.from) delete hit.from.placement.from;
    placements.set(design, hit);
    lastPlaced = { design, placement: hit };
  }
  return hit;
}

/** A design's placement, as an object to key what is derived from it (see `placementUpdate`). */
export function placementKey(design: Design): object {
  return placementOf(design);
}

/**
 * When `design` was placed by updating an earlier placement (a drop): that placement's key and
 * the entities that moved since. Account frames that did not change are the same objects.
 */
export function placementUpdate(
  design: Design,
): { from: object; moved: readonly EntityId[] } | undefined {
  const from = placementOf(design).from;
  return from && { from: from.placement, moved: from.moved };
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
  const built = lastBuilt.get(cache);
  const update = placementUpdate(design);
  if (built && update?.from === built.placement && sameAccessInputs(built.design, design)) {
    const nodes = rebuildMoved(design, cache, built, update.moved);
    lastBuilt.set(cache, { ...built, design, placement: placementOf(design), nodes });
    return nodes;
  }
  const nodes = buildAll(design, cache);
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  lastBuilt.set(cache, { design, placement: placementOf(design), nodes, index });
  return nodes;
}

/** The nodes a cache last built, for the design and placement they were built from. */
const lastBuilt = new WeakMap<
  NodeCache,
  { design: Design; placement: Placement; nodes: FlowNode[]; index: Map<string, number> }
>();

/** The last nodes with the moved entities' nodes and their accounts' frames built again. */
function rebuildMoved(
  design: Design,
  cache: NodeCache,
  built: { nodes: FlowNode[]; index: Map<string, number> },
  moved: readonly EntityId[],
): FlowNode[] {
  const { positions, frames } = placementOf(design);
  const nodes = built.nodes.slice();
  design.accounts.forEach((account) => {
    const frame = frames.get(account.id)!;
    const old = cache.get(account.id);
    if (old?.parent && sameFrame(old.parent as Frame, frame)) return;
    const node = accountNode(account, frame);
    cache.set(account.id, { entity: account, parent: frame, x: 0, y: 0, node });
    nodes[built.index.get(account.id)!] = node;
  });
  for (const id of moved) {
    const at = built.index.get(id);
    const old = cache.get(id);
    const position = positions.get(id);
    if (at === undefined || !old || !position || old.node.type !== 'entity') continue;
    const entity = old.entity;
    const account = old.parent as Account | undefined;
    const parent = account ? { account, frame: frames.get(account.id)! } : undefined;
    const node = entityNode(design, entity, position, parent);
    cache.set(id, { entity, parent: account, x: position.x, y: position.y, node });
    nodes[at] = node;
  }
  return nodes;
}

function buildAll(design: Design, cache: NodeCache): FlowNode[] {
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

/**
 * The nodes of these ids only (accounts first, then entities, each in the order given), each
 * built once and kept in `cache` while its inputs stay the same: a large design builds the
 * few hundred nodes near the view, not all of them. Ids the design does not hold are skipped.
 */
export function buildNodesOf(design: Design, cache: NodeCache, ids: Iterable<string>): FlowNode[] {
  const { positions, frames } = placementOf(design);
  const accounts: FlowNode[] = [];
  const entities: FlowNode[] = [];
  for (const id of ids) {
    const entity = findEntity(design, id);
    if (!entity) continue;
    const old = cache.get(id);
    if (entity.kind === 'account') {
      const frame = frames.get(id);
      if (!frame) continue;
      const reuse =
        old && old.entity === entity && old.parent && sameFrame(old.parent as Frame, frame);
      const node = reuse ? old.node : accountNode(entity, frame);
      if (!reuse) cache.set(id, { entity, parent: frame, x: 0, y: 0, node });
      accounts.push(node);
      continue;
    }
    const position = positions.get(id);
    if (!position) continue;
    const found = isAccountScoped(entity) ? findEntity(design, entity.account) : undefined;
    const account = found?.kind === 'account' ? found : undefined;
    const reuse =
      old &&
      old.entity === entity &&
      old.parent === account &&
      old.x === position.x &&
      old.y === position.y;
    if (reuse) {
      entities.push(old.node);
      continue;
    }
    const parent = account ? { account, frame: frames.get(account.id)! } : undefined;
    const node = entityNode(design, entity, position, parent);
    cache.set(id, { entity, parent: account, x: position.x, y: position.y, node });
    entities.push(node);
  }
  return [...accounts, ...entities];
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
