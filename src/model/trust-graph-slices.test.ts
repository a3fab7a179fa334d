import { describe, expect, it } from 'vitest';
import { designWorld, designWorldInSlices } from './access';
import { generateDesign } from './generate';
import { deriveRoleTrustGraph, deriveTrustGraph, deriveTrustGraphInSlices } from './trust-edges';

describe('deriveTrustGraphInSlices', () => {
  it('derives the graph deriveTrustGraph derives, pausing between slices, and memoises it', async () => {
    const expected = deriveTrustGraph(generateDesign({ nodes: 600, seed: 4 }));
    const design = generateDesign({ nodes: 600, seed: 4 });
    let pauses = 0;
    const graph = await deriveTrustGraphInSlices(design, async () => {
      pauses++;
    });
    // One pause per principal, role and resource of the world, then one per role.
    expect(pauses).toBeGreaterThan(design.users.length + 2 * design.roles.length);
    expect(graph).toEqual(expected);
    expect(deriveTrustGraph(design)).toBe(graph);
  });

  it('goes straight on when the pause returns nothing', async () => {
    const design = generateDesign({ nodes: 300, seed: 6 });
    const graph = await deriveTrustGraphInSlices(design, () => undefined);
    expect(deriveTrustGraph(design)).toBe(graph);
  });

  it('returns the graph derived meanwhile when someone could not wait', async () => {
    const design = generateDesign({ nodes: 600, seed: 5 });
    let meanwhile: ReturnType<typeof deriveTrustGraph> | undefined;
    const graph = await deriveTrustGraphInSlices(design, async () => {
      meanwhile ??= deriveTrustGraph(design);
    });
    expect(graph).toBe(meanwhile);
  });
});

describe('designWorldInSlices', () => {
  it('builds the world designWorld builds, and designWorld then returns it', async () => {
    const expected = designWorld(generateDesign({ nodes: 400, seed: 7 }));
    const design = generateDesign({ nodes: 400, seed: 7 });
    let pauses = 0;
    const world = await designWorldInSlices(design, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(design.roles.length);
    expect(world.world).toEqual(expected.world);
    expect(world.skipped).toEqual(expected.skipped);
    expect([...world.sources.entityByArn]).toEqual([...expected.sources.entityByArn]);
    expect(designWorld(design)).toBe(world);
  });
});

describe('deriveRoleTrustGraph', () => {
  it("gives each role's edges and dangling principals exactly as the whole graph has them", () => {
    const whole = deriveTrustGraph(generateDesign({ nodes: 500, seed: 8 }));
    const design = generateDesign({ nodes: 500, seed: 8 });
    const oneByOne = design.roles.map((role) => deriveRoleTrustGraph(design, role.id));
    expect(oneByOne.flatMap((g) => g.edges)).toEqual(whole.edges);
    expect(oneByOne.flatMap((g) => g.dangling)).toEqual(whole.dangling);
    expect(whole.edges.length).toBeGreaterThan(design.roles.length / 2);
    // The whole graph of the same design reuses what was derived role by role.
    const again = deriveTrustGraph(design);
    expect(again.edges[0]).toBe(oneByOne.find((g) => g.edges.length > 0)!.edges[0]);
  });

  it('is empty for an id that is not a role', () => {
    const design = generateDesign({ nodes: 50, seed: 9 });
    expect(deriveRoleTrustGraph(design, design.users[0]!.id)).toEqual({ edges: [], dangling: [] });
    expect(deriveRoleTrustGraph(design, 'missing')).toEqual({ edges: [], dangling: [] });
  });
});
