/**
 * Positions for an imported design, from ELK. Small designs get the layered layout (trust edges
 * flow downwards); large ones a packed grid per account ordered by kind, which stays readable
 * (no crossing lines to follow) at thousands of roles. Runs wherever the import runs: in the app
 * that is a worker.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { deriveTrustEdges, type Design, type EntityId, type Position } from '../../model';

/** Node sizes the canvas draws (src/canvas/geometry.ts); passed in so io needs no UI module. */
export interface LayoutSizes {
  entityWidth: number;
  entityHeight: number;
  accountHeader: number;
  accountPadding: number;
}

const defaultLayoutSizes: LayoutSizes = {
  entityWidth: 180,
  entityHeight: 64,
  accountHeader: 44,
  accountPadding: 20,
};

/** Above this many nodes the layered layout gets slow and tangled: pack instead. */
const LAYERED_LIMIT = 150;

export async function layoutImported(
  design: Design,
  sizes: LayoutSizes = defaultLayoutSizes,
): Promise<Record<EntityId, Position>> {
  const elk = new ELK();
  const leaf = (id: EntityId): ElkNode => ({
    id,
    width: sizes.entityWidth,
    height: sizes.entityHeight,
  });
  const scoped = [
    ...design.identityProviders,
    ...design.users,
    ...design.groups,
    ...design.roles,
    ...design.resources,
  ];
  const free = [...design.services, ...design.outsidePrincipals];
  const total = scoped.length + free.length;
  const layered = total <= LAYERED_LIMIT;
  const padding = `[top=${sizes.accountHeader + sizes.accountPadding},left=${sizes.accountPadding},bottom=${sizes.accountPadding},right=${sizes.accountPadding}]`;
  const accounts: ElkNode[] = design.accounts.map((account): ElkNode => {
    const children = scoped.filter((e) => e.account === account.id).map((e) => leaf(e.id));
    const perRow = Math.max(1, Math.ceil(Math.sqrt(children.length * 1.6)));
    return {
      id: account.id,
      layoutOptions: layered
        ? ({ 'elk.padding': padding } as Record<string, string>)
        : {
            'elk.algorithm': 'box',
            'elk.padding': padding,
            'elk.spacing.nodeNode': '24',
            'elk.box.packingMode': 'GROUP_DEC',
            'elk.aspectRatio': String(
              (perRow * (sizes.entityWidth + 24)) /
                (Math.ceil(children.length / perRow) * (sizes.entityHeight + 24) || 1),
            ),
          },
      children,
    };
  });
  const ids = new Set([
    ...design.accounts.map((a) => a.id),
    ...scoped.map((e) => e.id),
    ...free.map((e) => e.id),
  ]);
  const edges: ElkExtendedEdge[] = layered
    ? deriveTrustEdges(design)
        .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
        .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }))
    : [];
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: layered
      ? {
          'elk.algorithm': 'layered',
          'elk.direction': 'DOWN',
          'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
          'elk.spacing.nodeNode': '40',
          'elk.layered.spacing.nodeNodeBetweenLayers': '70',
          'elk.spacing.componentComponent': '80',
        }
      : { 'elk.algorithm': 'rectpacking', 'elk.spacing.nodeNode': '80' },
    children: [...accounts, ...free.map((e) => leaf(e.id))],
    edges,
  };
  const result = await elk.layout(graph);
  const positions: Record<EntityId, Position> = {};
  const accountIds = new Set(design.accounts.map((a) => a.id));
  for (const node of result.children ?? []) {
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    positions[node.id] = accountIds.has(node.id)
      ? { x, y, width: node.width ?? 0, height: node.height ?? 0 }
      : { x, y };
    for (const child of node.children ?? [])
      positions[child.id] = { x: x + (child.x ?? 0), y: y + (child.y ?? 0) };
  }
  return positions;
}
