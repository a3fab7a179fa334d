// The drawn shape of a route: the plain curve between two ports (React Flow's bezier), or
// a path through corner points with each corner rounded. Pure.

import type { Ports } from './ports';
import type { Route } from './route';
import { boundsOf, CLEARANCE, distance, fmt, type Point, type Side } from './route-geometry';

const CORNER_RADIUS = 8;
const CURVE_SAMPLES = 24;

// The curve React Flow's getBezierPath draws between two ports (same control points).
function controlOffset(distance: number) {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

function control(p: Point, side: Side, other: Point): Point {
  switch (side) {
    case 'left':
      return { x: p.x - controlOffset(p.x - other.x), y: p.y };
    case 'right':
      return { x: p.x + controlOffset(other.x - p.x), y: p.y };
    case 'top':
      return { x: p.x, y: p.y - controlOffset(p.y - other.y) };
    case 'bottom':
      return { x: p.x, y: p.y + controlOffset(other.y - p.y) };
  }
}

function bezierAt(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
    y: a * p0.y + b * p1.y + c * p2.y + d * p3.y,
  };
}

/** The plain curve between two ports, as a path and sampled. */
export function curveRoute(ports: Ports): Route {
  const { start, startSide, end, endSide } = ports;
  const c1 = control(start, startSide, end);
  const c2 = control(end, endSide, start);
  const points = Array.from({ length: CURVE_SAMPLES + 1 }, (_, i) =>
    bezierAt(start, c1, c2, end, i / CURVE_SAMPLES),
  );
  return {
    path: `M${fmt(start.x)},${fmt(start.y)} C${fmt(c1.x)},${fmt(c1.y)} ${fmt(c2.x)},${fmt(c2.y)} ${fmt(end.x)},${fmt(end.y)}`,
    points,
    routed: false,
    window: boundsOf(points, CLEARANCE),
  };
}

/** Drops repeated and collinear middle points. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** An SVG path through the points with each corner rounded. */
export function roundedPath(points: readonly Point[], radius = CORNER_RADIUS): string {
  const first = points[0]!;
  let d = `M${fmt(first.x)},${fmt(first.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const corner = points[i]!;
    const next = points[i + 1]!;
    const r = Math.min(radius, distance(prev, corner) / 2, distance(corner, next) / 2);
    const inLength = distance(prev, corner) || 1;
    const outLength = distance(corner, next) || 1;
    const a = {
      x: corner.x - ((corner.x - prev.x) / inLength) * r,
      y: corner.y - ((corner.y - prev.y) / inLength) * r,
    };
    const b = {
      x: corner.x + ((next.x - corner.x) / outLength) * r,
      y: corner.y + ((next.y - corner.y) / outLength) * r,
    };
    d += ` L${fmt(a.x)},${fmt(a.y)} Q${fmt(corner.x)},${fmt(corner.y)} ${fmt(b.x)},${fmt(b.y)}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${fmt(last.x)},${fmt(last.y)}`;
}
