// The nearest free place in the pane for an overlay box (the STS badge, a role's credentials)
// when nothing right beside what it belongs to is free: found on a grid of positions plus the
// positions flush against every obstacle (a narrow gap between two rows of nodes holds a chip
// only when it sits exactly in it), nearest to its target first. Pure: boxes in, a box out.

import { segmentHits } from '../../canvas';
import type { Box, Point } from './geometry';

interface Size {
  width: number;
  height: number;
}

/** Space kept between the pane's border and an overlay box (as `insidePane`). */
const PANE_MARGIN = 8;
/** Space kept between an overlay box and an obstacle. */
export const FREE_CLEARANCE = 2;
const CLEAR = FREE_CLEARANCE;
/** The grid of positions tried, besides those flush against an obstacle. */
const STEP = 16;
/** A place with a leader crossing nothing wins over a nearer one if at most this much farther, */
const DETOUR = 120;
/** and among at most this many free places after the nearest. */
const DETOUR_PLACES = 48;
/** Obstacles are rasterised over the pane at this many px per cell for the free test. */
const RASTER = 2;

export interface FreePlace {
  box: Box;
  /** The point of the target the leader starts at, and where it meets the box. */
  leader: { from: Point; to: Point };
  /** Which target (by index) the place is nearest to. */
  target: number;
}

export interface FreeSpaceQuery {
  size: Size;
  /** What the box belongs to, in order of preference: boxes, or points as boxes of no size. */
  targets: readonly Box[];
  /** What the box may not overlap. */
  obstacles: readonly Box[];
  /** Lines (polylines) the box may not lie across: the route a request takes. */
  lines?: readonly (readonly Point[])[];
  /** What a leader should not cross (the nodes and labels); one that does is a last choice. */
  solid?: readonly Box[];
  pane: Size;
}

/** The pair of nearest points of two boxes (the middle of where they face each other). */
export function closestPoints(a: Box, b: Box): { from: Point; to: Point } {
  const axis = (a0: number, a1: number, b0: number, b1: number): [number, number] => {
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo <= hi) return [(lo + hi) / 2, (lo + hi) / 2];
    return a1 < b0 ? [a1, b0] : [a0, b1];
  };
  const [ax, bx] = axis(a.x, a.x + a.width, b.x, b.x + b.width);
  const [ay, by] = axis(a.y, a.y + a.height, b.y, b.y + b.height);
  return { from: { x: ax, y: ay }, to: { x: bx, y: by } };
}

/** Positions along one axis: a grid, the far end, and flush against each obstacle. */
function positions(
  length: number,
  size: number,
  flush: readonly [number, number][],
  extra: readonly number[],
): number[] {
  const low = PANE_MARGIN;
  const high = length - PANE_MARGIN - size;
  if (high < low) return [];
  const out = new Set<number>();
  for (let v = low; v < high; v += STEP) out.add(v);
  out.add(high);
  for (const [start, end] of flush) {
    out.add(end + CLEAR);
    out.add(start - CLEAR - size);
  }
  for (const v of extra) out.add(v);
  return [...out].filter((v) => v >= low && v <= high).map((v) => Math.round(v * 2) / 2);
}

/**
 * Whether a box overlaps an obstacle, answered in constant time: the obstacles (grown by a
 * pixel) rasterised over the pane at `RASTER` px per cell, summed (a summed-area table); a box
 * is free when no cell it touches is covered, so that a free box keeps at least a pixel away.
 */
function occupancy(obstacles: readonly Box[], pane: Size): (box: Box) => boolean {
  const columns = Math.max(1, Math.ceil(pane.width / RASTER));
  const rows = Math.max(1, Math.ceil(pane.height / RASTER));
  const stride = columns + 1;
  const sums = new Int32Array(stride * (rows + 1));
  const cellRange = (v: number, size: number, count: number): [number, number] => [
    Math.max(0, Math.floor(v / RASTER)),
    Math.min(count - 1, Math.ceil((v + size) / RASTER) - 1),
  ];
  for (const o of obstacles) {
    const [i0, i1] = cellRange(o.x - 1, o.width + 2, columns);
    const [j0, j1] = cellRange(o.y - 1, o.height + 2, rows);
    for (let j = j0; j <= j1; j++)
      sums.fill(1, (j + 1) * stride + i0 + 1, (j + 1) * stride + i1 + 2);
  }
  for (let j = 1; j <= rows; j++)
    for (let i = 1; i <= columns; i++) {
      const k = j * stride + i;
      sums[k] = sums[k]! + sums[k - 1]! + sums[k - stride]! - sums[k - stride - 1]!;
    }
  return (box) => {
    const [i0, i1] = cellRange(box.x, box.width, columns);
    const [j0, j1] = cellRange(box.y, box.height, rows);
    if (i1 < i0 || j1 < j0) return false;
    const at = (i: number, j: number) => sums[j * stride + i]!;
    return at(i1 + 1, j1 + 1) - at(i0, j1 + 1) - at(i1 + 1, j0) + at(i0, j0) > 0;
  };
}

/** Distances are ordered in buckets of this size (px): finer than any gap that matters. */
const BUCKET = 2;

/** Indices of `distances`, nearest first (a counting sort into 2 px buckets). */
function nearestFirst(distances: Float64Array): Uint32Array {
  let max = 0;
  for (const d of distances) if (d > max) max = d;
  const counts = new Uint32Array(Math.floor(max / BUCKET) + 2);
  for (const d of distances) counts[Math.floor(d / BUCKET) + 1]!++;
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
  const order = new Uint32Array(distances.length);
  distances.forEach((d, i) => {
    order[counts[Math.floor(d / BUCKET)]!++] = i;
  });
  return order;
}

function crossesLine(box: Box, line: readonly Point[]): boolean {
  for (let i = 1; i < line.length; i++) if (segmentHits(line[i - 1]!, line[i]!, box)) return true;
  return line.length === 1 && segmentHits(line[0]!, line[0]!, box);
}

/**
 * The free place (inside the pane, over no obstacle and across no line) nearest to the
 * targets, ties going to the earlier target; preferably one whose leader crosses nothing
 * solid, if it is at most `DETOUR` px farther than the nearest. Undefined when the pane has no
 * free place of that size at all.
 */
export function nearestFreePlace(query: FreeSpaceQuery): FreePlace | undefined {
  const { size, targets, obstacles, lines = [], solid = [], pane } = query;
  const { width, height } = size;
  if (targets.length === 0) return undefined;
  const xs = positions(
    pane.width,
    size.width,
    obstacles.map((o) => [o.x, o.x + o.width]),
    targets.flatMap((t) => [t.x + t.width / 2 - size.width / 2, t.x - size.width, t.x + t.width]),
  );
  const ys = positions(
    pane.height,
    size.height,
    obstacles.map((o) => [o.y, o.y + o.height]),
    targets.flatMap((t) => [
      t.y + t.height / 2 - size.height / 2,
      t.y - size.height,
      t.y + t.height,
    ]),
  );
  // Every position's distance to its nearest target (a later one costs a little more, so
  // ties go to the earlier), then the positions nearest first.
  const count = xs.length * ys.length;
  const distances = new Float64Array(count);
  const nearestTarget = new Uint16Array(count);
  for (let ix = 0; ix < xs.length; ix++)
    for (let iy = 0; iy < ys.length; iy++) {
      const x = xs[ix]!;
      const y = ys[iy]!;
      let d = Infinity;
      for (let t = 0; t < targets.length; t++) {
        const target = targets[t]!;
        const dx = Math.max(target.x - x - size.width, x - target.x - target.width, 0);
        const dy = Math.max(target.y - y - size.height, y - target.y - target.height, 0);
        const dt = Math.sqrt(dx * dx + dy * dy) + t * 0.5;
        if (dt < d) {
          d = dt;
          nearestTarget[ix * ys.length + iy] = t;
        }
      }
      distances[ix * ys.length + iy] = d;
    }
  const blocked = occupancy(obstacles, pane);
  const isFree = (box: Box) => !blocked(box) && lines.every((line) => !crossesLine(box, line));
  const clearLeader = (from: Point, to: Point) =>
    solid.every(
      (s) =>
        // What the leader starts inside of (the target itself, a label on the edge) is no bar.
        (from.x > s.x && from.x < s.x + s.width && from.y > s.y && from.y < s.y + s.height) ||
        !segmentHits(from, to, s),
    );
  let nearest: FreePlace | undefined;
  let nearestD = Infinity;
  let detours = 0;
  for (const i of nearestFirst(distances)) {
    const d = distances[i]!;
    if (d > nearestD + DETOUR) break;
    const target = nearestTarget[i]!;
    const box = { x: xs[Math.floor(i / ys.length)]!, y: ys[i % ys.length]!, width, height };
    if (!isFree(box)) continue;
    const leader = closestPoints(targets[target]!, box);
    const place = { box, leader, target };
    if (clearLeader(leader.from, leader.to)) return place;
    if (!nearest) {
      nearest = place;
      nearestD = d;
    } else if (++detours >= DETOUR_PLACES) break;
  }
  return nearest;
}
