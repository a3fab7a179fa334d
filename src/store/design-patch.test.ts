import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesign, setPositions, type Design } from '../model';
import { applyDesignPatch, diffDesigns } from './design-patch';

const base = generateDesign({ nodes: 60, seed: 7 });
const ids = Object.keys(base.layout);

/** A change as commands make them: moves, removed layout entries, a renamed design, a role gone. */
const change = fc.record({
  moves: fc.array(fc.tuple(fc.constantFrom(...ids), fc.integer(), fc.integer()), { maxLength: 5 }),
  drop: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
  rename: fc.option(fc.string()),
  dropRole: fc.boolean(),
});

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function changed(design: Design, c: Change): Design {
  let next = setPositions(design, {
    positions: Object.fromEntries(c.moves.map(([id, x, y]) => [id, { x, y }])),
  });
  if (c.drop.length > 0) {
    const layout = { ...next.layout };
    for (const id of c.drop) delete layout[id];
    next = { ...next, layout };
  }
  if (c.rename !== null) next = { ...next, name: c.rename };
  if (c.dropRole) next = { ...next, roles: next.roles.slice(1) };
  return next;
}

describe('design patches', () => {
  it('forward turns the old design into the new one, backward the new into the old (property)', () => {
    fc.assert(
      fc.property(change, (c) => {
        const to = changed(base, c);
        const patch = diffDesigns(base, to);
        if (to === base) {
          expect(patch).toBeNull();
          return;
        }
        expect(applyDesignPatch(base, patch!.forward)).toEqual(to);
        expect(applyDesignPatch(to, patch!.backward)).toEqual(base);
      }),
    );
  });

  it('keep untouched collections by identity', () => {
    const to = { ...base, name: 'Renamed' };
    const back = applyDesignPatch(to, diffDesigns(base, to)!.backward);
    expect(back.roles).toBe(base.roles);
    expect(back.layout).toBe(to.layout);
    expect(back.name).toBe(base.name);
  });

  it('hold only the moved entries for a drag, however large the design', () => {
    const big = generateDesign({ nodes: 10_000, seed: 1 });
    const id = Object.keys(big.layout)[42]!;
    const moved = setPositions(big, { positions: { [id]: { x: 1, y: 2 } } });
    const patch = diffDesigns(big, moved)!;
    expect(patch.forward.fields).toEqual({});
    expect(Object.keys(patch.forward.layout!)).toEqual([id]);
    expect(patch.backward.layout![id]).toBe(big.layout[id]);
  });
});
