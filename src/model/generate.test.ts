import { describe, expect, it } from 'vitest';
import { restoreDesign } from './format';
import { generateDesign, generateDesignInSlices } from './generate';
import { allEntities } from './lookup';
import { deriveTrustGraph } from './trust-edges';

describe('generateDesign', () => {
  it.each([1, 10, 49, 50, 333, 2000])('makes exactly %i nodes, each with a position', (nodes) => {
    const design = generateDesign({ nodes, seed: 7 });
    expect(allEntities(design)).toHaveLength(nodes);
    expect(Object.keys(design.layout)).toHaveLength(nodes);
  });

  it('is deterministic by seed', () => {
    expect(generateDesign({ nodes: 300, seed: 3 })).toEqual(
      generateDesign({ nodes: 300, seed: 3 }),
    );
    expect(generateDesign({ nodes: 300, seed: 3 })).not.toEqual(
      generateDesign({ nodes: 300, seed: 4 }),
    );
  });

  it('makes a valid design whose trust policies all resolve to nodes', () => {
    const design = generateDesign({ nodes: 2000, seed: 1 });
    expect(restoreDesign(JSON.parse(JSON.stringify(design)))).toEqual({ ok: true, design });
    const graph = deriveTrustGraph(design);
    expect(graph.dangling).toEqual([]);
    expect(new Set(graph.edges.map((e) => e.kind))).toEqual(
      new Set(['same-account', 'cross-account', 'service', 'federated', 'public']),
    );
    expect(graph.edges.length).toBeGreaterThan(1000);
  });

  it('makes the same design in slices, pausing every few hundred entities', async () => {
    let pauses = 0;
    const sliced = await generateDesignInSlices({ nodes: 3000, seed: 5 }, () => {
      pauses++;
    });
    expect(sliced).toEqual(generateDesign({ nodes: 3000, seed: 5 }));
    // 2,900 entities made, ~1,200 roles and ~700 resources given policies, the layout: at
    // least one pause per 500 of each.
    expect(pauses).toBeGreaterThanOrEqual(8);
  });
});
