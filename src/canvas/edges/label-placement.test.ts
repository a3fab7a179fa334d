import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHIP,
  cutBy,
  labelSize,
  placeLabels,
  type Box,
  type LabelPlacement,
  type LabelRequest,
} from './label-placement';
import { segmentHits } from './route-geometry';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxAt = (p: { x: number; y: number }, size: { width: number; height: number }) => ({
  x: p.x - size.width / 2,
  y: p.y - size.height / 2,
  ...size,
});
const down = (x: number, y1: number, y2: number) => [
  { x, y: y1 },
  { x, y: y2 },
];

describe('placeLabels', () => {
  it('keeps a label on its edge, at the middle when that is free', () => {
    const placed = placeLabels([{ id: 'e', points: down(100, 0, 200), text: 'MFA' }], []);
    expect(placed.get('e')).toEqual({ x: 100, y: 100, collapsed: false });
  });

  it('moves a label off a node that sits on the middle of its edge', () => {
    const node = { x: 50, y: 80, width: 100, height: 40 };
    const placed = placeLabels([{ id: 'e', points: down(100, 0, 300), text: 'MFA' }], [node]);
    const spot = placed.get('e')!;
    expect(spot.collapsed).toBe(false);
    expect(overlap(boxAt(spot, labelSize('MFA')), node)).toBe(false);
  });

  it('never lays two labels over each other, stacking them where edges run together', () => {
    const requests = ['ExternalId "a"', 'source account "1"', 'MFA', 'TLS only'].map((text, i) => ({
      id: `e${i}`,
      points: down(100, 0, 200),
      text,
    }));
    const placed = placeLabels(requests, []);
    const boxes = requests.map((r) => {
      const p = placed.get(r.id)!;
      return boxAt(p, p.collapsed ? CHIP : labelSize(r.text));
    });
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });

  it('collapses a label to a chip where only a chip fits beside its edge', () => {
    // A 40 px pocket round the edge: room for a chip, not for the whole label.
    const walls = [
      { x: 0, y: 0, width: 300, height: 90 },
      { x: 0, y: 130, width: 300, height: 90 },
      { x: 0, y: 90, width: 130, height: 40 },
      { x: 170, y: 90, width: 130, height: 40 },
    ];
    const placed = placeLabels(
      [{ id: 'e', points: down(150, 90, 130), text: 'a long condition label' }],
      walls,
    );
    expect(placed.get('e')).toEqual({ x: 150, y: 110, collapsed: true });
  });

  it('moves a label the opening view would cut at its edge to a place inside the view', () => {
    // An upright edge 10 px from the view's right edge: its middle would hang over the edge.
    const view = { x: 0, y: 0, width: 300, height: 400 };
    const requests = [{ id: 'e', points: down(290, 0, 400), text: 'source account "2222"' }];
    expect(
      cutBy(view, boxAt(placeLabels(requests, []).get('e')!, labelSize(requests[0]!.text))),
    ).toBe(true);
    const spot = placeLabels(requests, [], view).get('e')!;
    expect(spot.collapsed).toBe(false);
    expect(cutBy(view, boxAt(spot, labelSize(requests[0]!.text)))).toBe(false);
    expect(spot.x).toBeLessThan(290);
  });

  it('leaves a label wholly out of the view where it is (its edge is out there too)', () => {
    const view = { x: 0, y: 0, width: 300, height: 400 };
    const placed = placeLabels([{ id: 'e', points: down(600, 0, 400), text: 'MFA' }], [], view);
    expect(placed.get('e')).toEqual({ x: 600, y: 200, collapsed: false });
  });

  it('sizes a long label as it wraps', () => {
    expect(labelSize('x'.repeat(80)).width).toBe(256);
    expect(labelSize('x'.repeat(80)).height).toBeGreaterThan(labelSize('x').height);
  });
});

// Crowded canvases where a label once had no place and was not drawn at all. Every label must
// now be drawn: clear of every node and every other label, near its edge, and when away from
// the edge tied to it by a leader line that starts on the edge and passes through no node.

const node = (x: number, y: number): Box => ({ x, y, width: 180, height: 64 });
const header = (x: number, y: number, width: number): Box => ({ x, y, width, height: 44 });
/** A node grid as a generated design lays it out: 180x64 nodes, 40 px apart. */
const grid = (columns: number, rows: number, x0: number, y0: number) =>
  Array.from({ length: columns * rows }, (_, i) =>
    node(x0 + (i % columns) * 220, y0 + Math.floor(i / columns) * 104),
  );
const line = (from: { x: number; y: number }, to: { x: number; y: number }, samples = 8) =>
  Array.from({ length: samples + 1 }, (_, i) => ({
    x: from.x + ((to.x - from.x) * i) / samples,
    y: from.y + ((to.y - from.y) * i) / samples,
  }));

function distanceToPath(p: { x: number; y: number }, points: LabelRequest['points']): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const length2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2 || 1;
    const t = Math.max(
      0,
      Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length2),
    );
    best = Math.min(best, Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y))));
  }
  return best;
}

/** Each request's drawn box (chip or whole label) as placed. */
function drawnBoxes(requests: readonly LabelRequest[], placed: Map<string, LabelPlacement>) {
  return requests.map((r) => {
    const p = placed.get(r.id);
    expect(p, `${r.id} is placed`).toBeDefined();
    return { request: r, placement: p!, box: boxAt(p!, p!.collapsed ? CHIP : labelSize(r.text)) };
  });
}

function expectLegible(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  { near = 240, leadersClear = true } = {},
) {
  const placed = placeLabels(requests, obstacles);
  const drawn = drawnBoxes(requests, placed);
  for (const [i, { request, placement, box }] of drawn.entries()) {
    for (const o of obstacles) expect(overlap(box, o), `${request.id} covers a node`).toBe(false);
    for (const other of drawn.slice(i + 1))
      expect(overlap(box, other.box), `${request.id} covers ${other.request.id}`).toBe(false);
    const touching =
      distanceToPath({ x: placement.x, y: placement.y }, request.points) <=
      Math.hypot(box.width, box.height) / 2;
    if (!placement.leader) {
      expect(touching, `${request.id} away from its edge without a leader`).toBe(true);
      continue;
    }
    expect(distanceToPath(placement.leader, request.points)).toBeLessThan(0.5);
    const toBox = {
      x: Math.min(Math.max(placement.leader.x, box.x), box.x + box.width),
      y: Math.min(Math.max(placement.leader.y, box.y), box.y + box.height),
    };
    expect(
      Math.hypot(toBox.x - placement.leader.x, toBox.y - placement.leader.y),
      `${request.id} is far from its edge`,
    ).toBeLessThanOrEqual(near);
    if (leadersClear)
      for (const o of obstacles)
        expect(
          segmentHits(placement.leader, placement, o),
          `${request.id}'s leader crosses a node`,
        ).toBe(false);
  }
  return placed;
}

interface Crowd {
  name: string;
  obstacles: Box[];
  requests: LabelRequest[];
  bounds?: { near?: number; leadersClear?: boolean };
}

describe('placeLabels on crowded canvases (labels that used to be hidden)', () => {
  const breakGlass = [header(12, 12, 420), node(232, 76), node(232, 160), node(32, 76)];
  it.each<Crowd>([
    {
      name: 'Break glass: MFA on a 20 px edge between two stacked nodes',
      obstacles: breakGlass,
      requests: [{ id: 'mfa', points: line({ x: 322, y: 140 }, { x: 322, y: 160 }), text: 'MFA' }],
    },
    {
      name: 'four conditions on edges squeezed into the same 20 px gap',
      // Beside the column only one row of labels has a straight way to the gap: the fourth
      // goes a little further out, its leader over a node.
      bounds: { near: 480, leadersClear: false },
      obstacles: breakGlass,
      requests: ['MFA', 'ExternalId "x"', 'source account "1"', 'TLS only'].map((text, i) => ({
        id: `e${i}`,
        points: line({ x: 300 + 15 * i, y: 140 }, { x: 300 + 15 * i, y: 160 }),
        text,
      })),
    },
    {
      name: 'account-root edges in the 16 px strip under the header, above a 40 px-spaced grid',
      obstacles: [header(0, 0, 1800), ...grid(8, 5, 40, 60)],
      requests: [
        {
          id: 'r3',
          points: line({ x: 900, y: 44 }, { x: 790, y: 60 }),
          text: 'ExternalId "ext-role-3"',
        },
        {
          id: 'r7',
          points: line({ x: 900, y: 44 }, { x: 1670, y: 60 }),
          text: 'ExternalId "ext-role-7"',
        },
        { id: 'r4', points: line({ x: 900, y: 44 }, { x: 1010, y: 60 }), text: 'MFA' },
      ],
    },
    {
      name: 'a SAML blocked label on each of two short edges side by side',
      obstacles: [
        header(12, 12, 640),
        node(232, 76),
        node(232, 160),
        node(452, 76),
        node(452, 160),
      ],
      requests: [322, 542].map((x) => ({
        id: `b${x}`,
        points: line({ x, y: 140 }, { x, y: 160 }),
        text: 'blocked: the trust policy does not allow',
      })),
    },
    {
      name: 'an edge between every vertically adjacent pair of a grid 20 px apart',
      // No label fits anywhere inside the grid: outside it, the leader may cross a node.
      bounds: { near: 480, leadersClear: false },
      obstacles: Array.from({ length: 12 }, (_, i) => ({
        ...node((i % 4) * 200, Math.floor(i / 4) * 84),
      })),
      requests: Array.from({ length: 8 }, (_, i) => {
        const x = (i % 4) * 200 + 90;
        const y = Math.floor(i / 4) * 84 + 64;
        return {
          id: `g${i}`,
          points: line({ x, y }, { x, y: y + 20 }),
          text: i % 2 ? 'MFA' : 'ExternalId "abc"',
        };
      }),
    },
  ])(
    '$name: every label drawn, clear of nodes and labels, tied to its edge',
    ({ obstacles, requests, bounds }: Crowd) => {
      expectLegible(requests, obstacles, bounds);
    },
  );

  it('keeps MFA on the Break glass edge visible as a whole label beside the two nodes', () => {
    const placed = expectLegible(
      [{ id: 'mfa', points: line({ x: 322, y: 140 }, { x: 322, y: 160 }), text: 'MFA' }],
      breakGlass,
    );
    const mfa = placed.get('mfa')!;
    expect(mfa.collapsed).toBe(false);
    // On the level of the gap, to the side of the column of nodes, its leader along the gap.
    expect(mfa.leader).toBeDefined();
    expect(Math.abs(mfa.y - 150)).toBeLessThanOrEqual(13);
  });

  it('draws even a label whose edge lies inside a node, outside that node', () => {
    const wall = [{ x: 0, y: 0, width: 300, height: 300 }];
    const placed = expectLegible(
      [
        { id: 'buried', points: down(150, 100, 200), text: 'MFA' },
        { id: 'free', points: down(500, 0, 300), text: 'MFA' },
      ],
      wall,
      { near: 400, leadersClear: false },
    );
    expect(placed.get('buried')?.leader).toBeDefined();
    expect(placed.get('free')).toEqual({ x: 500, y: 150, collapsed: false });
  });

  it('places every label of any crowd of nodes and edges clear of both (property)', () => {
    const cell = fc.record({
      col: fc.integer({ min: 0, max: 5 }),
      row: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(cell, { minLength: 2, maxLength: 24, selector: (c) => `${c.col},${c.row}` }),
        fc.array(
          fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('MFA', 'ExternalId "e-7"', 'TLS only')),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (cells, edges) => {
          const boxes = cells.map(({ col, row }) => node(col * 200, row * 84));
          const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
          const requests = edges.map(([a, b, text], i) => ({
            id: `e${i}`,
            points: line(centre(boxes[a % boxes.length]!), centre(boxes[b % boxes.length]!)),
            text,
          }));
          const drawn = drawnBoxes(requests, placeLabels(requests, boxes));
          for (const [i, { box }] of drawn.entries()) {
            for (const o of boxes) expect(overlap(box, o)).toBe(false);
            for (const other of drawn.slice(i + 1)) expect(overlap(box, other.box)).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
