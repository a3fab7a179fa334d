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
import { CROWDED_40 } from './crowded-40.fixture';
import { segmentHits } from '../../canvas';

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
    const { box, at, leader } = placeBadge(route, size, [], pane)!;
    expect(at).toBe(0.5);
    expect(leader).toBeUndefined();
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
    const { box, at } = placeBadge(route, size, blockers, pane)!;
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
    if (dock.mode !== 'chips') throw new Error(`docked as ${dock.mode}`);
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

  it.each<[string, Box[], { at: Point; leader: boolean }]>([
    [
      'where it fits free, tied to the role by a leader',
      // A pocket right of the role holds the chip only; a room below it, the opened card.
      [
        { x: 0, y: 0, width: 1000, height: 90 },
        { x: 0, y: 90, width: 90, height: 210 },
        { x: 500, y: 90, width: 500, height: 110 },
        { x: 312, y: 130, width: 188, height: 70 },
        { x: 90, y: 172, width: 222, height: 128 },
        { x: 0, y: 300, width: 1000, height: 300 },
      ],
      { at: { x: 314, y: 202 }, leader: true },
    ],
    [
      'where its chip is, inside the pane, when nothing that large is free',
      // Room for the chip right of the role (40 px tall), for nothing taller anywhere.
      [
        { x: 0, y: 0, width: 1000, height: 90 },
        { x: 0, y: 90, width: 90, height: 510 },
        { x: 500, y: 90, width: 500, height: 510 },
        { x: 312, y: 130, width: 188, height: 470 },
        { x: 90, y: 172, width: 222, height: 428 },
      ],
      { at: { x: 312, y: 100 }, leader: false },
    ],
  ])('puts a card opened from a chip %s', (_name, walls, expected) => {
    const opened = { width: chip.width, height: 96 };
    const dock = placeDock(node, { cards: card, chips: chip, opened }, walls, pane);
    if (dock.mode === 'panel') throw new Error('an opened card does not go to the panel');
    expect(dock.at).toEqual(expected.at);
    expect(dock.leader !== undefined).toBe(expected.leader);
    const box = { ...dock.at, ...opened };
    expect(box.y + box.height).toBeLessThanOrEqual(pane.height - 8);
    // Placed for its opened size where that is free: over nothing.
    if (expected.leader) for (const w of walls) expect(overlaps(box, w)).toBe(false);
  });

  it('docks the chips in the panel where the pane has no free place at all', () => {
    const everywhere: Box[] = [{ x: 0, y: 0, width: 1000, height: 600 }];
    for (const target of [node, { x: -500, y: -300, width: 200, height: 60 }])
      expect(placeDock(target, { cards: card, chips: chip }, everywhere, pane)).toEqual({
        mode: 'panel',
      });
  });
});

// The crowded views of the 40-node design (boxes read from the page): before the nearest free
// place, the badge landed over user24 and res-25 and the chips over user34 and labels.
describe('overlay geometry on the 40-node design’s opening view', () => {
  const BADGE = { width: 180, height: 30 };
  const CARDS = { width: 236, height: 150 };
  const CHIPS = { width: 184, height: 26 };
  const asBox = ([x, y, width, height]: readonly [number, number, number, number]): Box => ({
    x,
    y,
    width,
    height,
  });
  const distanceToRoute = (p: Point, route: readonly Point[]) => {
    let best = Infinity;
    for (let i = 1; i < route.length; i++) {
      const [a, b] = [route[i - 1]!, route[i]!];
      const l2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2 || 1;
      const t = Math.max(
        0,
        Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / l2),
      );
      best = Math.min(best, Math.hypot(p.x - a.x - t * (b.x - a.x), p.y - a.y - t * (b.y - a.y)));
    }
    return best;
  };
  const onBorder = (p: Point, box: Box) =>
    p.x >= box.x - 0.01 &&
    p.x <= box.x + box.width + 0.01 &&
    p.y >= box.y - 0.01 &&
    p.y <= box.y + box.height + 0.01 &&
    (Math.abs(p.x - box.x) < 0.01 ||
      Math.abs(p.x - box.x - box.width) < 0.01 ||
      Math.abs(p.y - box.y) < 0.01 ||
      Math.abs(p.y - box.y - box.height) < 0.01);
  const inside = (box: Box, size: { width: number; height: number }) =>
    box.x >= 8 &&
    box.y >= 8 &&
    box.x + box.width <= size.width - 8 &&
    box.y + box.height <= size.height - 8;

  it.each(Object.entries(CROWDED_40))(
    '%s: badge and credentials clear of every node and label',
    (_name, view) => {
      const nodes = Object.entries(view.nodes).map(([name, quad]) => ({ name, box: asBox(quad) }));
      const over = view.over.map(asBox);
      const obstacles = [...nodes.map((n) => n.box), ...over];
      const route = view.route.map(([x, y]) => ({ x, y }));

      const badge = placeBadge(route, BADGE, obstacles, view.pane);
      expect(badge, 'a free place exists above the account frame').toBeDefined();
      const { box, leader } = badge!;
      expect(inside(box, view.pane)).toBe(true);
      for (const n of nodes) expect(overlaps(box, n.box), `badge over ${n.name}`).toBe(false);
      for (const o of over) expect(overlaps(box, o), 'badge over a label or panel').toBe(false);
      for (let i = 1; i < route.length; i++)
        expect(segmentHits(route[i - 1]!, route[i]!, box), 'badge across the route').toBe(false);
      // No free row beside the route in a grid 32 px apart: away from it, tied by a leader.
      expect(leader).toBeDefined();
      expect(distanceToRoute(leader!.from, route)).toBeLessThan(0.5);
      expect(onBorder(leader!.to, box)).toBe(true);

      const role = view.nodes[view.role]!;
      const taken = [...obstacles.filter((o) => o !== asBox(role)), box];
      const dock = placeDock(
        asBox(role),
        { cards: CARDS, chips: CHIPS },
        taken,
        view.pane,
        obstacles,
      );
      if (dock.mode === 'panel') throw new Error('docked in the panel with free space in the pane');
      const docked = { ...dock.at, ...(dock.mode === 'cards' ? CARDS : CHIPS) };
      expect(inside(docked, view.pane)).toBe(true);
      for (const n of nodes)
        expect(overlaps(docked, n.box), `credentials over ${n.name}`).toBe(false);
      for (const o of [...over, box])
        expect(overlaps(docked, o), 'credentials over a label').toBe(false);
      if (dock.leader) {
        expect(onBorder(dock.leader.from, asBox(role))).toBe(true);
        expect(onBorder(dock.leader.to, docked)).toBe(true);
      }
    },
  );
});
