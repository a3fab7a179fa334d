// Loaded on demand (dynamic import) so elkjs stays out of the initial bundle.
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { deriveTrustEdges, type Design, type EntityId, type Position } from '../model';
import { ACCOUNT_HEADER, ACCOUNT_PADDING, ENTITY_HEIGHT, ENTITY_WIDTH } from './geometry';
import { accountScopedEntities, freeEntities } from './nodes/build-nodes';

const elk = new ELK();

const rootOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.componentComponent': '80',
};

const accountOptions = {
  'elk.padding': `[top=${ACCOUNT_HEADER + ACCOUNT_PADDING},left=${ACCOUNT_PADDING},bottom=${ACCOUNT_PADDING},right=${ACCOUNT_PADDING}]`,
};

/** Positions for every node of the design (absolute; accounts with their size) from ELK's layered layout. */
export async function layoutDesign(design: Design): Promise<Record<EntityId, Position>> {
  const leaf = (id: EntityId): ElkNode => ({ id, width: ENTITY_WIDTH, height: ENTITY_HEIGHT });
  const scoped = accountScopedEntities(design);
  const accounts: ElkNode[] = design.accounts.map((account) => ({
    id: account.id,
    layoutOptions: accountOptions,
    children: scoped.filter((e) => e.account === account.id).map((e) => leaf(e.id)),
  }));
  const placed = new Set([
    ...design.accounts.map((a) => a.id),
    ...scoped.filter((e) => design.accounts.some((a) => a.id === e.account)).map((e) => e.id),
    ...freeEntities(design).map((e) => e.id),
  ]);
  const edges: ElkExtendedEdge[] = deriveTrustEdges(design)
    .filter((e) => placed.has(e.source) && placed.has(e.target))
    .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: rootOptions,
    children: [...accounts, ...freeEntities(design).map((e) => leaf(e.id))],
    edges,
  };
  const result = await elk.layout(graph);
  const positions: Record<EntityId, Position> = {};
  for (const node of result.children ?? []) {
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    const isAccount = design.accounts.some((a) => a.id === node.id);
    positions[node.id] = isAccount
      ? { x, y, width: node.width ?? 0, height: node.height ?? 0 }
      : { x, y };
    for (const child of node.children ?? []) {
      positions[child.id] = { x: x + (child.x ?? 0), y: y + (child.y ?? 0) };
    }
  }
  return positions;
}
