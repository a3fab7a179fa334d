import { describe, expect, it } from 'vitest';
import { generateDesign } from '../model';
import { cullEdges, nodeIdsIn, nodeIdsNeeded, solidBoxes } from './cull';
import { boxesOverlap } from './edges/box-index';
import { buildTrustEdges } from './edges/build-edges';
import type { Frame } from './geometry';
import { buildNodes, buildNodesOf, type NodeCache } from './nodes/build-nodes';

const design = generateDesign({ nodes: 2000, seed: 5 });
const nodes = buildNodes(design, new Map());
const edges = buildTrustEdges(design);
const boxOf = solidBoxes(design);
/** Three views of 1440x900 at the opening zoom around the first account's corner. */
const box: Frame = { x: -1800, y: -1125, width: 5400, height: 3375 };
const touches = (id: string) => boxesOverlap(boxOf(id)!, box);
/** Whether a node's whole box (an account's frame) touches the box. */
const touchesFrame = (id: string) => {
  const node = nodes.find((n) => n.id === id)!;
  const frame = { ...node.position, width: node.width!, height: node.height! };
  return boxesOverlap(frame, box);
};

describe('culling a large design to what is near the view', () => {
  it('keeps exactly the edges whose two ends (solid boxes) both touch the box', () => {
    const kept = cullEdges(edges, box, boxOf);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(edges.length / 2);
    const keptIds = new Set(kept.map((e) => e.id));
    for (const edge of edges)
      expect(keptIds.has(edge.id), edge.id).toBe(touches(edge.source) && touches(edge.target));
    // A service beside the view is trusted by roles all over the design: not a fan off screen.
    expect(edges.some((e) => touches(e.source) && !touches(e.target))).toBe(true);
  });

  it("judges an account by its header, not its open frame; a selected node's edges all stay", () => {
    const far = design.accounts.find((a) => !touches(a.id))!;
    const farEdges = edges.filter((e) => e.source === far.id || e.target === far.id);
    expect(farEdges.length).toBeGreaterThan(0);
    const kept = new Set(cullEdges(edges, box, boxOf).map((e) => e.id));
    for (const edge of farEdges) expect(kept.has(edge.id)).toBe(false);
    const withFar = new Set(cullEdges(edges, box, boxOf, new Set([far.id])).map((e) => e.id));
    for (const edge of farEdges) expect(withFar.has(edge.id)).toBe(true);
  });

  it('keeps the nodes in the box, the selected one, and both ends of every kept edge', () => {
    // A far role's edge from a service beside the view: the role is selected.
    const fanned = edges.find((e) => touches(e.source) && !touches(e.target))!;
    const kept = cullEdges(edges, box, boxOf, new Set([fanned.target]));
    expect(kept).toContain(fanned);
    const farRole = nodes.find(
      (n) => n.type === 'entity' && n.id.includes('role') && !touches(n.id),
    )!;
    const ids = nodeIdsNeeded(nodeIdsIn(design, box), kept, [farRole.id]);
    expect(ids.size).toBeLessThan(nodes.length / 2);
    expect(ids.has(farRole.id)).toBe(true);
    for (const edge of kept) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
    for (const node of nodes) {
      const inBox = node.type === 'entity' ? touches(node.id) : touchesFrame(node.id);
      if (inBox) expect(ids.has(node.id), node.id).toBe(true);
    }
  });

  it("zoomed out past reading names: account frames in the box, and only kept nodes' edges", () => {
    const role = nodes.find((n) => n.type === 'entity' && n.id.includes('role') && touches(n.id))!;
    const kept = cullEdges(edges, box, boxOf, new Set([role.id]), true);
    expect(kept.length).toBeGreaterThan(0);
    for (const edge of kept) expect([edge.source, edge.target]).toContain(role.id);
    const ids = nodeIdsNeeded(nodeIdsIn(design, box, true), kept);
    const ends = new Set(kept.flatMap((e) => [e.source, e.target]));
    for (const id of ids) expect(id.startsWith('account-') || ends.has(id), id).toBe(true);
    for (const account of design.accounts)
      expect(ids.has(account.id), account.id).toBe(
        touchesFrame(account.id) || ends.has(account.id),
      );
  });

  it('builds only the nodes it is asked for, equal to the whole build and accounts first', () => {
    const ids = nodeIdsIn(design, box);
    const cache: NodeCache = new Map();
    const some = buildNodesOf(design, cache, ids);
    expect(some.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(cache.size).toBe(ids.length);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const node of some) expect(node).toEqual(byId.get(node.id));
    const firstEntity = some.findIndex((n) => n.type === 'entity');
    expect(some.slice(firstEntity).every((n) => n.type === 'entity')).toBe(true);
    expect(firstEntity).toBeGreaterThan(0);
    // Asked again (the box moved a little), the same objects: React Flow rebuilds nothing.
    const again = buildNodesOf(design, cache, ids);
    again.forEach((node, i) => expect(node).toBe(some[i]));
  });
});
