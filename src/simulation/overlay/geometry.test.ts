import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  along,
  centre,
  dockBeside,
  placeBadge,
  placeDock,
  routeLength,
  straightRoute,
  subRoute,
  toScreen,
  type Box,
  type Point,
} from './geometry';

const pane = { width: 1000, height: 600 };
const card = { width: 236, height: 150 };
const chip = { width: 188, height: 26 };
const node: Box = { x: 100, y: 100, width: 200, height: 60 };

function overlaps(a: Box, b: Box): boolean {
  return (
    Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) &&
    Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y)
  );
}

describe('overlay geometry', () => {
  it('maps a node box through the viewport', () => {
    expect(toScreen({ x: 100, y: 50, width: 220, height: 64 }, [10, 20, 0.5])).toEqual({
      x: 60,
      y: 45,
      width: 110,
      height: 32,
    });
    expect(centre({ x: 0, y: 0, width: 220, height: 64 })).toEqual({ x: 110, y: 32 });
  });

  it('routes border to border between two nodes, and walks a route by fractions', () => {
    const route = straightRoute(
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 300, y: 0, width: 100, height: 50 },
    );
    expect(route).toEqual([
      { x: 100, y: 25 },
      { x: 300, y: 25 },
    ]);
    expect(routeLength(route)).toBe(200);
    expect(along(route, 0.25).point).toEqual({ x: 150, y: 25 });
    expect(along(route, 0.25).direction).toEqual({ x: 1, y: 0 });
    const bent: Point[] = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
    ];
    expect(along(bent, 0.75).point).toEqual({ x: 100, y: 50 });
    expect(subRoute(bent, 0.25, 0.75)).toEqual([
      { x: 50, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
    ]);
    expect(subRoute(bent, 0, 1)).toEqual(bent);
  });

  it.each<[string, Point[], { above: boolean } | { right: boolean }]>([
    [
      'above a route running across',
      [
        { x: 100, y: 300 },
        { x: 700, y: 300 },
      ],
      { above: true },
    ],
    [
      'beside a route running down',
      [
        { x: 500, y: 50 },
        { x: 500, y: 550 },
      ],
      { right: true },
    ],
  ])('puts the badge %s, at its middle, off the line', (_name, route, side) => {
    const size = { width: 210, height: 30 };
    const { box, at } = placeBadge(route, size, [], pane);
    expect(at).toBe(0.5);
    const middle = along(route, 0.5).point;
    if ('above' in side) expect(box.y + box.height).toBeLessThan(middle.y);
    else expect(box.x).toBeGreaterThan(middle.x);
    for (let t = 0; t <= 1; t += 0.05) {
      const p = along(route, t).point;
      const inside =
        p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
      expect(inside).toBe(false);
    }
  });

  it('moves the badge along the route, then to the other side, to stay clear of nodes', () => {
    const route = [
      { x: 100, y: 300 },
      { x: 700, y: 300 },
    ];
    const size = { width: 210, height: 30 };
    // A node sits above the middle and one below it: the badge slides along the line.
    const blockers: Box[] = [
      { x: 350, y: 200, width: 100, height: 95 },
      { x: 350, y: 305, width: 100, height: 95 },
    ];
    const { box, at } = placeBadge(route, size, blockers, pane);
    expect(at).not.toBe(0.5);
    for (const b of blockers) expect(overlaps(box, b)).toBe(false);
  });

  it.each<[string, Box, Box[], Point]>([
    ['right of the node when nothing is there', node, [], { x: 312, y: 100 }],
    [
      'left when a node sits to the right',
      { x: 400, y: 100, width: 200, height: 60 },
      [{ x: 620, y: 60, width: 200, height: 300 }],
      { x: 152, y: 100 },
    ],
    [
      'below when both sides are taken',
      { x: 400, y: 100, width: 200, height: 60 },
      [
        { x: 640, y: 0, width: 200, height: 400 },
        { x: 100, y: 0, width: 290, height: 400 },
      ],
      { x: 400, y: 172 },
    ],
    [
      'left of a node at the pane’s right edge',
      { x: 700, y: 100, width: 200, height: 60 },
      [],
      { x: 452, y: 100 },
    ],
  ])('docks the cards %s', (_name, target, obstacles, at) => {
    expect(dockBeside(target, card, obstacles, pane)).toEqual(at);
  });

  it('folds to chips where the cards do not fit, and covers nothing while any place is free', () => {
    const crowded: Box[] = [
      { x: 320, y: 40, width: 200, height: 200 },
      { x: 0, y: 0, width: 90, height: 600 },
      { x: 100, y: 190, width: 200, height: 100 },
      { x: 100, y: 300, width: 300, height: 300 },
    ];
    const dock = placeDock(node, { cards: card, chips: chip }, crowded, pane);
    expect(dock.mode).toBe('chips');
    const box = { ...dock.at, ...chip };
    for (const o of [...crowded, node]) expect(overlaps(box, o)).toBe(false);
  });

  it('never puts a dock it calls free over a node or outside the pane (property)', () => {
    const boxArb = fc.record({
      x: fc.integer({ min: -200, max: 1100 }),
      y: fc.integer({ min: -200, max: 700 }),
      width: fc.integer({ min: 40, max: 260 }),
      height: fc.integer({ min: 30, max: 120 }),
    });
    fc.assert(
      fc.property(boxArb, fc.array(boxArb, { maxLength: 12 }), (target, others) => {
        const at = dockBeside(target, card, others, pane);
        if (!at) return;
        const box = { ...at, ...card };
        expect(overlaps(box, target)).toBe(false);
        for (const o of others) expect(overlaps(box, o)).toBe(false);
        expect(box.x).toBeGreaterThanOrEqual(8);
        expect(box.y).toBeGreaterThanOrEqual(8);
        expect(box.x + box.width).toBeLessThanOrEqual(pane.width - 8);
        expect(box.y + box.height).toBeLessThanOrEqual(pane.height - 8);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps chips inside the pane even where nothing is free', () => {
    const everywhere: Box[] = [{ x: 0, y: 0, width: 1000, height: 600 }];
    for (const target of [node, { x: -500, y: -300, width: 200, height: 60 }]) {
      const { at, mode } = placeDock(target, { cards: card, chips: chip }, everywhere, pane);
      expect(mode).toBe('chips');
      expect(at.x).toBeGreaterThanOrEqual(8);
      expect(at.y).toBeGreaterThanOrEqual(8);
      expect(at.x + chip.width).toBeLessThanOrEqual(pane.width - 8);
      expect(at.y + chip.height).toBeLessThanOrEqual(pane.height - 8);
    }
  });
});
