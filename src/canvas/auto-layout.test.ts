import { describe, expect, it } from 'vitest';
import { deriveTrustEdges, generateDesign, type Design } from '../model';
import { sampleDesign } from '../model/sample';
import { layoutDesign } from './auto-layout';
import { ENTITY_HEIGHT, ENTITY_WIDTH } from './geometry';

type P = { x: number; y: number };
const side = (u: P, v: P, w: P) => Math.sign((v.x - u.x) * (w.y - u.y) - (v.y - u.y) * (w.x - u.x));
const cross = (a: P, b: P, p: P, q: P) =>
  side(a, b, p) * side(a, b, q) < 0 && side(p, q, a) * side(p, q, b) < 0;

/** Trust flows between entities (an account root is its frame) as lines between node centres. */
async function flows(design: Design) {
  const at = await layoutDesign(design);
  const centre = (id: string) => ({
    x: at[id]!.x + ENTITY_WIDTH / 2,
    y: at[id]!.y + ENTITY_HEIGHT / 2,
  });
  return deriveTrustEdges(design)
    .filter((e) => !design.accounts.some((a) => a.id === e.source) && at[e.source] && at[e.target])
    .map((e) => ({ from: centre(e.source), to: centre(e.target) }));
}

describe('layoutDesign', () => {
  it.each([
    ['the sample', sampleDesign()],
    ['a 40-node design', generateDesign({ nodes: 40, seed: 3 })],
  ])('lays out %s with no two trust flows crossing', async (_, design) => {
    const lines = await flows(design);
    expect(lines.length).toBeGreaterThan(3);
    for (const [i, a] of lines.entries())
      for (const b of lines.slice(i + 1)) expect(cross(a.from, a.to, b.from, b.to)).toBe(false);
  });

  it('places every trust flow of the sample top to bottom', async () => {
    for (const { from, to } of await flows(sampleDesign())) expect(from.y).toBeLessThan(to.y);
  });
});
