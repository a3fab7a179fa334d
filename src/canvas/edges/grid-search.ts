// The shortest orthogonal path between two points around boxes: A* over the lanes just
// outside the boxes (and between close ones), a bend costing as much as `BEND` px of length.
// Pure: boxes in, corner points out.

import { CLEARANCE, fmt, grow, type Box, type Point, type Side } from './route-geometry';
import { MinHeap } from './min-heap';

/** Grid lines run this far outside each box. */
const LANE = 14;
/** A bend costs as much as this many pixels of length. */
const BEND = 40;

/** Sorted distinct coordinates with the middle of each gap added (lanes between close boxes). */
function lanes(values: number[], low: number, high: number): number[] {
  const sorted = [...new Set(values.map(fmt))]
    .filter((v) => v >= low && v <= high)
    .sort((a, b) => a - b);
  const withMiddles: number[] = [];
  sorted.forEach((v, i) => {
    if (i > 0) withMiddles.push((sorted[i - 1]! + v) / 2);
    withMiddles.push(v);
  });
  return withMiddles;
}

/** First index whose value is > v (values sorted). */
function firstAbove(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Directions as numbers for the search: right, down, left, up.
const STEPS = [
  { dx: 1, dy: 0 },
  { dx: 0, dy: 1 },
  { dx: -1, dy: 0 },
  { dx: 0, dy: -1 },
];
export const stepOf: Record<Side, number> = { right: 0, bottom: 1, left: 2, top: 3 };

/**
 * The shortest orthogonal path (length plus a cost per bend) from `from` leaving towards
 * `fromStep` to `to` arriving along `toStep`, keeping clear of the boxes; undefined if none
 * within `area`.
 */
export function searchPath(
  from: Point,
  fromStep: number,
  to: Point,
  toStep: number,
  boxes: readonly Box[],
  area: Box,
): Point[] | undefined {
  const xs = lanes(
    [
      from.x,
      to.x,
      area.x,
      area.x + area.width,
      ...boxes.flatMap((b) => [b.x - LANE, b.x + b.width + LANE]),
    ],
    area.x,
    area.x + area.width,
  );
  const ys = lanes(
    [
      from.y,
      to.y,
      area.y,
      area.y + area.height,
      ...boxes.flatMap((b) => [b.y - LANE, b.y + b.height + LANE]),
    ],
    area.y,
    area.y + area.height,
  );
  const nx = xs.length;
  const ny = ys.length;
  const pointBlocked = new Uint8Array(nx * ny);
  const rightBlocked = new Uint8Array(nx * ny); // (i, j) -> (i + 1, j)
  const downBlocked = new Uint8Array(nx * ny); // (i, j) -> (i, j + 1)
  for (const box of boxes) {
    const b = grow(box, CLEARANCE);
    const x0 = b.x;
    const x1 = b.x + b.width;
    const y0 = b.y;
    const y1 = b.y + b.height;
    // Lines strictly inside the box, and segments overlapping it.
    const iIn0 = firstAbove(xs, x0);
    const iIn1 = firstAbove(xs, x1 - 1e-9) - 1;
    const jIn0 = firstAbove(ys, y0);
    const jIn1 = firstAbove(ys, y1 - 1e-9) - 1;
    const iSeg0 = Math.max(0, iIn0 - 1);
    const jSeg0 = Math.max(0, jIn0 - 1);
    for (let j = jIn0; j <= jIn1; j++) {
      for (let i = iSeg0; i <= iIn1 && i < nx - 1; i++) rightBlocked[j * nx + i] = 1;
      for (let i = iIn0; i <= iIn1; i++) pointBlocked[j * nx + i] = 1;
    }
    for (let i = iIn0; i <= iIn1; i++)
      for (let j = jSeg0; j <= jIn1 && j < ny - 1; j++) downBlocked[j * nx + i] = 1;
  }
  const index = (x: number, y: number) =>
    firstAbove(ys, fmt(y) - 1e-6) * nx + firstAbove(xs, fmt(x) - 1e-6);
  const startCell = index(from.x, from.y);
  const goalCell = index(to.x, to.y);
  const gi = goalCell % nx;
  const gj = Math.floor(goalCell / nx);
  const cost = new Float64Array(nx * ny * 4).fill(Infinity);
  const previous = new Int32Array(nx * ny * 4).fill(-1);
  const heap = new MinHeap();
  const h = (cell: number) =>
    Math.abs(xs[cell % nx]! - xs[gi]!) + Math.abs(ys[Math.floor(cell / nx)]! - ys[gj]!);
  const first = startCell * 4 + fromStep;
  cost[first] = 0;
  heap.push(h(startCell), first);
  let best = Infinity;
  let bestState = -1;
  while (heap.size > 0 && heap.peek() < best) {
    const state = heap.pop();
    const cell = state >> 2;
    const dir = state & 3;
    const g = cost[state]!;
    if (cell === goalCell) {
      const turn = dir === toStep ? 0 : (dir + 2) % 4 === toStep ? 2 * BEND : BEND;
      if (g + turn < best) {
        best = g + turn;
        bestState = state;
      }
      continue;
    }
    const i = cell % nx;
    const j = (cell - i) / nx;
    for (let d = 0; d < 4; d++) {
      if (d === (dir + 2) % 4) continue;
      const { dx, dy } = STEPS[d]!;
      const ni = i + dx;
      const nj = j + dy;
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const next = nj * nx + ni;
      if (pointBlocked[next] && next !== goalCell) continue;
      if (dx === 1 && rightBlocked[cell]) continue;
      if (dx === -1 && rightBlocked[next]) continue;
      if (dy === 1 && downBlocked[cell]) continue;
      if (dy === -1 && downBlocked[next]) continue;
      const length = Math.abs(xs[ni]! - xs[i]!) + Math.abs(ys[nj]! - ys[j]!);
      const g2 = g + length + (d === dir ? 0 : BEND);
      const nextState = next * 4 + d;
      if (g2 < cost[nextState]!) {
        cost[nextState] = g2;
        previous[nextState] = state;
        heap.push(g2 + h(next), nextState);
      }
    }
  }
  if (bestState < 0) return undefined;
  const cells: Point[] = [];
  for (let s = bestState; s >= 0; s = previous[s]!) {
    const cell = s >> 2;
    cells.push({ x: xs[cell % nx]!, y: ys[Math.floor(cell / nx)]! });
  }
  return cells.reverse();
}
