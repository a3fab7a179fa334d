// Plane geometry the edge router and the label placement share: points, boxes, sides,
// segment-box tests and walking a polyline. Pure.

import type { Box } from './box-index';

export type { Box };

export interface Point {
  x: number;
  y: number;
}

export type Side = 'top' | 'right' | 'bottom' | 'left';

/** Paths keep this far from any box they go around. */
export const CLEARANCE = 5;

const DIRECTION: Record<Side, Point> = {
  top: { x: 0, y: -1 },
  right: { x: 1, y: 0 },
  bottom: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
};

export const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
export const inside = (b: Box, p: Point) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

export const grow = (b: Box, by: number): Box => ({
  x: b.x - by,
  y: b.y - by,
  width: b.width + 2 * by,
  height: b.height + 2 * by,
});

/** Rounds to a tenth of a pixel (what paths are written with). */
export const fmt = (n: number) => Math.round(n * 10) / 10;

export const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/** The point `by` px from `p` towards `side`. */
export const step = (p: Point, side: Side, by: number): Point => ({
  x: p.x + DIRECTION[side].x * by,
  y: p.y + DIRECTION[side].y * by,
});

/** The box around the points, grown by `margin`. */
export function boundsOf(points: readonly Point[], margin: number): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return {
    x: x0 - margin,
    y: y0 - margin,
    width: x1 - x0 + 2 * margin,
    height: y1 - y0 + 2 * margin,
  };
}

/** Whether the segment a-b passes through the box (Liang-Barsky clipping). */
export function segmentHits(a: Point, b: Point, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q > 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return (
    clip(-dx, a.x - box.x) &&
    clip(dx, box.x + box.width - a.x) &&
    clip(-dy, a.y - box.y) &&
    clip(dy, box.y + box.height - a.y) &&
    t0 < t1
  );
}

/** Whether the polyline crosses any of these boxes. */
export function crossesAny(points: readonly Point[], boxes: readonly Box[]): boolean {
  for (let i = 1; i < points.length; i++)
    for (const box of boxes) if (segmentHits(points[i - 1]!, points[i]!, box)) return true;
  return false;
}

/** The point at this fraction (0..1) of the polyline's length, and the direction there. */
export function pointAlong(
  points: readonly Point[],
  fraction: number,
): { x: number; y: number; dx: number; dy: number } {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1]!, points[i]!);
  let left = Math.max(0, Math.min(1, fraction)) * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = distance(a, b);
    if (left <= length || i === points.length - 1) {
      const t = length === 0 ? 0 : Math.min(1, left / length);
      return {
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
        dx: length === 0 ? 0 : (b.x - a.x) / length,
        dy: length === 0 ? 0 : (b.y - a.y) / length,
      };
    }
    left -= length;
  }
  const only = points[0] ?? { x: 0, y: 0 };
  return { x: only.x, y: only.y, dx: 0, dy: 0 };
}
