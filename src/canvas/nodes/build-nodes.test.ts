import { describe, expect, it } from 'vitest';
import { generateDesign, setPositions, type Design } from '../../model';
import { endsOf } from '../edges/routing-context';
import { accountFrames, buildNodes, entityPositions, placementUpdate } from './build-nodes';

/** The same design as new objects: placed afresh, never updated from an earlier placement. */
const afresh = (design: Design) => JSON.parse(JSON.stringify(design)) as Design;
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('placing a design after a drop', () => {
  const start = generateDesign({ nodes: 2000, seed: 5 });
  const role = start.roles[7]!;
  const service = start.services[0]!;
  const far = start.layout[role.id]!;
  // A role moved a little, then far out (its account's frame grows), a service, an account.
  const drops: Record<string, { x: number; y: number }>[] = [
    { [role.id]: { x: far.x + 30, y: far.y + 10 } },
    { [role.id]: { x: far.x + 4000, y: far.y + 3000 } },
    { [service.id]: { x: -900, y: 40 } },
    { [start.accounts[1]!.id]: { x: 123, y: 456 } },
  ];

  it('updates what moved and gives what placing afresh gives', () => {
    const cache = new Map();
    let design = start;
    buildNodes(design, cache);
    endsOf(design);
    const updated: boolean[] = [];
    const made = drops.map((positions) => {
      design = setPositions(design, { positions });
      const nodes = buildNodes(design, cache);
      const ends = endsOf(design);
      updated.push(placementUpdate(design) !== undefined);
      return { design, nodes, ends };
    });
    // Compared afterwards: placing another design in between would start the next afresh.
    for (const { design, nodes, ends } of made) {
      const fresh = afresh(design);
      expect(plain([...entityPositions(design)])).toEqual(plain([...entityPositions(fresh)]));
      expect(plain([...accountFrames(design)])).toEqual(plain([...accountFrames(fresh)]));
      expect(plain(nodes)).toEqual(plain(buildNodes(fresh, new Map())));
      expect(plain([...ends])).toEqual(plain([...endsOf(fresh)]));
    }
    // Entities moved: updated; an account moved (its unplaced entities follow it): afresh.
    expect(updated).toEqual([true, true, true, false]);
  });

  it('keeps every node that did not move, the same object', () => {
    const cache = new Map();
    const before = buildNodes(start, cache);
    const moved = setPositions(start, { positions: drops[0]! });
    const after = buildNodes(moved, cache);
    const changed = after.filter((node, i) => node !== before[i]).map((node) => node.id);
    expect(changed).toContain(role.id);
    expect(changed.length).toBeLessThanOrEqual(2); // the role, and its account if it grew
  });
});
