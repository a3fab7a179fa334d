import { describe, expect, it } from 'vitest';
import { boundsOf, crossesAny, pointAlong, segmentHits } from './route-geometry';

const box = { x: 100, y: 100, width: 100, height: 50 };

describe('segmentHits', () => {
  it.each([
    ['through the middle', { x: 50, y: 125 }, { x: 250, y: 125 }, true],
    ['ending inside', { x: 50, y: 125 }, { x: 150, y: 125 }, true],
    ['diagonally across a corner', { x: 90, y: 130 }, { x: 130, y: 90 }, true],
    ['passing beside', { x: 50, y: 160 }, { x: 250, y: 160 }, false],
    ['along an edge (touching only)', { x: 50, y: 100 }, { x: 250, y: 100 }, false],
    ['stopping at the boundary', { x: 50, y: 125 }, { x: 100, y: 125 }, false],
    ['a point outside', { x: 10, y: 10 }, { x: 10, y: 10 }, false],
  ])('%s: %s', (_, a, b, hits) => {
    expect(segmentHits(a, b, box)).toBe(hits);
  });

  it('crossesAny looks at every stretch of the polyline', () => {
    const around = [
      { x: 50, y: 90 },
      { x: 250, y: 90 },
      { x: 250, y: 200 },
    ];
    expect(crossesAny(around, [box])).toBe(false);
    expect(crossesAny([...around, { x: 150, y: 200 }, { x: 150, y: 120 }], [box])).toBe(true);
  });
});

describe('pointAlong', () => {
  const line = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
  ];
  it.each([
    [0, { x: 0, y: 0, dx: 1, dy: 0 }],
    [0.25, { x: 50, y: 0, dx: 1, dy: 0 }],
    [0.75, { x: 100, y: 50, dx: 0, dy: 1 }],
    [1, { x: 100, y: 100, dx: 0, dy: 1 }],
    [1.5, { x: 100, y: 100, dx: 0, dy: 1 }],
  ])('finds the point %s of the way along, with its direction', (t, expected) => {
    expect(pointAlong(line, t)).toEqual(expected);
  });

  it('gives the only point of a one-point line, with no direction', () => {
    expect(pointAlong([{ x: 3, y: 4 }], 0.5)).toEqual({ x: 3, y: 4, dx: 0, dy: 0 });
  });
});

describe('boundsOf', () => {
  it('is the box around the points, grown by the margin', () => {
    expect(
      boundsOf(
        [
          { x: 10, y: 40 },
          { x: 30, y: 20 },
        ],
        5,
      ),
    ).toEqual({ x: 5, y: 15, width: 30, height: 30 });
  });
});
