import { describe, expect, it } from 'vitest';
import { searchPath, stepOf } from './grid-search';
import { simplify } from './path-shape';
import { crossesAny, grow, type Box, type Point } from './route-geometry';

const area: Box = { x: -300, y: -300, width: 800, height: 800 };
const upright = (points: readonly Point[]) =>
  points.every((p, i) => i === 0 || p.x === points[i - 1]!.x || p.y === points[i - 1]!.y);

describe('searchPath', () => {
  it('goes straight when nothing is in the way (through the lanes it crosses)', () => {
    const found = searchPath(
      { x: 0, y: 0 },
      stepOf.bottom,
      { x: 0, y: 200 },
      stepOf.bottom,
      [],
      area,
    );
    expect(simplify(found!)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 200 },
    ]);
  });

  it.each([
    ['one box', [{ x: -50, y: 80, width: 100, height: 40 }]],
    [
      'a row of boxes with narrow gaps',
      [
        { x: -250, y: 80, width: 180, height: 40 },
        { x: -60, y: 80, width: 120, height: 40 },
        { x: 70, y: 80, width: 180, height: 40 },
      ],
    ],
  ])('goes around %s, orthogonally and clear of every box', (_, boxes) => {
    const found = searchPath(
      { x: 0, y: 0 },
      stepOf.bottom,
      { x: 0, y: 200 },
      stepOf.bottom,
      boxes,
      area,
    )!;
    expect(found[0]).toEqual({ x: 0, y: 0 });
    expect(found.at(-1)).toEqual({ x: 0, y: 200 });
    expect(upright(found)).toBe(true);
    expect(
      crossesAny(
        found,
        boxes.map((b) => grow(b, 2)),
      ),
    ).toBe(false);
  });

  it('finds nothing when the goal is walled in within the area', () => {
    const walls = [
      { x: -100, y: 150, width: 200, height: 20 },
      { x: -100, y: 230, width: 200, height: 20 },
      { x: -100, y: 150, width: 20, height: 100 },
      { x: 80, y: 150, width: 20, height: 100 },
    ];
    expect(
      searchPath({ x: 0, y: 0 }, stepOf.bottom, { x: 0, y: 200 }, stepOf.bottom, walls, area),
    ).toBeUndefined();
  });

  it('prefers one bend less over a slightly shorter path', () => {
    // From going right to arriving going down: one bend (an L), not a staircase.
    const found = searchPath(
      { x: 0, y: 0 },
      stepOf.right,
      { x: 200, y: 200 },
      stepOf.bottom,
      [],
      area,
    )!;
    expect(simplify(found)).toEqual([
      { x: 0, y: 0 },
      { x: 200, y: 0 },
      { x: 200, y: 200 },
    ]);
  });
});
