import { describe, expect, it } from 'vitest';
import { BoxIndex, type Box } from './box-index';
import { EdgeRouter } from './edge-router';
import { solidBox, type End } from './ports';
import { routeBetween } from './route';
import { crossesAny } from './route-geometry';

const W = 180;
const H = 64;
const entity = (id: string, x: number, y: number): End => ({
  id,
  box: { x, y, width: W, height: H },
});
const account = (id: string, x: number, y: number, width: number, height: number): End => ({
  id,
  box: { x, y, width, height },
  header: 44,
});
const indexOf = (ends: End[]) =>
  new BoxIndex(ends.map((end) => ({ id: end.id, box: solidBox(end) })));
const grown = (b: Box, by: number) => ({
  x: b.x - by,
  y: b.y - by,
  width: b.width + 2 * by,
  height: b.height + 2 * by,
});

describe('routeBetween', () => {
  it('keeps the plain curve between facing sides when nothing is in the way', () => {
    const a = entity('a', 0, 0);
    const b = entity('b', 0, 300);
    const route = routeBetween(a, b, indexOf([a, b, entity('far', 800, 0)]));
    expect(route.routed).toBe(false);
    expect(route.path).toMatch(/^M90,64 C/);
    expect(route.points.at(-1)).toEqual({ x: 90, y: 300 });
  });

  it.each([
    ['a node right between the ends', [entity('c', 0, 150)]],
    [
      'a row of nodes between the ends',
      [entity('c', -200, 150), entity('d', 0, 150), entity('e', 200, 150)],
    ],
    ['an account header between the ends', [account('acct', -100, 140, 400, 120)]],
  ])('goes around %s, clear of every box', (_, obstacles) => {
    const a = entity('a', 0, 0);
    const b = entity('b', 0, 320);
    const route = routeBetween(a, b, indexOf([a, b, ...obstacles]));
    expect(route.routed).toBe(true);
    expect(route.points[0]).toEqual({ x: 90, y: 64 });
    expect(route.points.at(-1)).toEqual({ x: 90, y: 320 });
    const solid = obstacles.map((o) => grown(solidBox(o), 2));
    expect(crossesAny(route.points, solid)).toBe(false);
    // Orthogonal: every stretch is upright or level.
    for (let i = 1; i < route.points.length; i++) {
      const [p, q] = [route.points[i - 1]!, route.points[i]!];
      expect(p.x === q.x || p.y === q.y).toBe(true);
    }
    expect(route.path).toContain(' Q');
  });

  it('arrives at another side when a node sits right against the facing one', () => {
    const a = entity('a', 0, 0);
    const b = entity('b', 0, 200);
    const squeezed = entity('c', 40, 128); // 8 px above b: no room to arrive from the top
    const route = routeBetween(a, b, indexOf([a, b, squeezed]));
    expect(route.routed).toBe(true);
    expect(crossesAny(route.points, [grown(squeezed.box, 2)])).toBe(false);
    expect(route.points.at(-1)!.y).toBe(232);
  });

  it('starts an edge from an account at its header: down to what is inside, sideways out', () => {
    const acct = account('acct', 0, 0, 600, 300);
    const inside = entity('in', 400, 150);
    const outside = entity('out', 900, 20);
    const index = indexOf([acct, inside, outside]);
    expect(routeBetween(acct, inside, index).points[0]).toEqual({ x: 300, y: 44 });
    expect(routeBetween(acct, outside, index).points[0]).toEqual({ x: 600, y: 22 });
    expect(routeBetween(acct, entity('left', -400, 100), index).points[0]).toEqual({ x: 0, y: 22 });
  });
});

describe('EdgeRouter', () => {
  const layout = (extra: End[]) =>
    new Map([entity('a', 0, 0), entity('b', 0, 320), ...extra].map((e) => [e.id, e]));

  it('re-routes an edge when a node is dropped on it, and reuses it when one moves far away', () => {
    const router = new EdgeRouter();
    router.update(layout([entity('far', 2000, 0)]));
    const straight = router.route('a', 'b')!;
    expect(straight.routed).toBe(false);
    router.update(layout([entity('far', 2400, 0)]));
    expect(router.route('a', 'b')).toBe(straight);
    router.update(layout([entity('far', 0, 150)]));
    const around = router.route('a', 'b')!;
    expect(around.routed).toBe(true);
  });

  it('says nothing changed for the same layout', () => {
    const router = new EdgeRouter();
    expect(router.update(layout([]))).toBe(true);
    const version = router.version;
    expect(router.update(layout([]))).toBe(false);
    expect(router.version).toBe(version);
  });

  it('keeps the routes inside an account whose frame grows below them (its header stays)', () => {
    const router = new EdgeRouter();
    const ends = (height: number, moved: End) =>
      new Map(
        [account('acct', -40, -60, 700, height), entity('a', 0, 0), entity('b', 0, 320), moved].map(
          (e) => [e.id, e],
        ),
      );
    router.update(ends(500, entity('c', 400, 300)));
    const inside = router.route('a', 'b')!;
    const fromRoot = router.route('acct', 'c')!;
    // c moves down and the account's frame grows to hold it; its header is where it was.
    router.update(ends(900, entity('c', 400, 760)));
    expect(router.route('a', 'b')).toBe(inside);
    expect(router.route('acct', 'c')).not.toBe(fromRoot);
  });

  it('re-routes what a node now blocks after drops one by one, as a fresh router would', () => {
    const router = new EdgeRouter();
    const at = (x: number, y: number) =>
      new Map([entity('a', 0, 0), entity('b', 0, 320), entity('m', x, y)].map((e) => [e.id, e]));
    router.update(at(2000, 0));
    expect(router.route('a', 'b')!.routed).toBe(false);
    for (const [x, y] of [
      [0, 150],
      [2000, 900],
      [0, 150],
    ] as const) {
      router.update(at(x, y));
      router.route('a', 'b');
    }
    const fresh = new EdgeRouter();
    fresh.update(at(0, 150));
    expect(router.route('a', 'b')!.routed).toBe(true);
    expect(router.route('a', 'b')).toEqual(fresh.route('a', 'b'));
  });
});
