// The path an edge draws between two node boxes: the plain curve between the sides that face
// each other when that curve crosses no other node, else an orthogonal path with rounded
// corners around the boxes in its way (A* over the lines just outside the boxes near it).
// Pure: boxes in, path out. Ports of accounts (their root) sit on the account's header.

import type { BoxIndex, Box } from './box-index';

export type { Box };

export interface Point {
  x: number;
  y: number;
}

type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * One end of an edge: an entity's box, or an account's frame with the height of its header
 * (the account is its root; its port is on the header).
 */
export interface End {
  id: string;
  box: Box;
  header?: number;
}

export interface Route {
  /** The SVG path drawn. */
  path: string;
  /** The polyline the path follows (its corners, or the curve sampled), start to end. */
  points: Point[];
  /** Whether the path goes around boxes (orthogonal) rather than the plain curve. */
  routed: boolean;
  /** The region whose boxes decided this path: a change of a box there can change it. */
  window: Box;
}

/** Grid lines run this far outside each box; paths keep `CLEARANCE` from any box. */
const LANE = 14;
const CLEARANCE = 5;
/** How far a path leaves its port straight before turning. */
const STUB = 10;
/** A bend costs as much as this many pixels of length. */
const BEND = 40;
const CORNER_RADIUS = 8;
/** Room around the two ends searched for a way round, then a wider one. */
const WINDOWS = [140, 420];
/** More boxes than this near an edge: keep the curve (a path there would cost too much). */
const MAX_OBSTACLES = 300;
const CURVE_SAMPLES = 24;

const DIRECTION: Record<Side, Point> = {
  top: { x: 0, y: -1 },
  right: { x: 1, y: 0 },
  bottom: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
};

const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const inside = (b: Box, p: Point) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/** What of an end is solid: an entity's box, an account's header. */
export function solidBox(end: End): Box {
  return end.header === undefined ? end.box : { ...end.box, height: end.header };
}

/** The sides of `from` and `to` that face each other. */
function facing(from: Box, to: Box): [Side, Side] {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  const gapX = Math.abs(dx) - (from.width + to.width) / 2;
  const gapY = Math.abs(dy) - (from.height + to.height) / 2;
  if (gapX > gapY) return dx > 0 ? ['right', 'left'] : ['left', 'right'];
  return dy > 0 ? ['bottom', 'top'] : ['top', 'bottom'];
}

function anchor(box: Box, side: Side): Point {
  switch (side) {
    case 'left':
      return { x: box.x, y: box.y + box.height / 2 };
    case 'right':
      return { x: box.x + box.width, y: box.y + box.height / 2 };
    case 'top':
      return { x: box.x + box.width / 2, y: box.y };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height };
  }
}

/** Where `end` is attached when its edge goes to `other`. */
function portOf(end: End, other: End): { point: Point; side: Side } {
  const otherSolid = solidBox(other);
  if (end.header !== undefined) {
    const header = solidBox(end);
    const towards = centre(otherSolid);
    // Down from the header to what is in the account; out of its sides to what is not.
    if (inside(end.box, towards) && other.header === undefined)
      return { point: anchor(header, 'bottom'), side: 'bottom' };
    if (otherSolid.y + otherSolid.height <= end.box.y)
      return { point: anchor(header, 'top'), side: 'top' };
    const side = towards.x < header.x + header.width / 2 ? 'left' : 'right';
    return { point: anchor(header, side), side };
  }
  // Towards an account: its header when inside it, else its frame.
  const target =
    other.header !== undefined && !inside(other.box, centre(end.box)) ? other.box : otherSolid;
  const side = facing(end.box, target)[0];
  return { point: anchor(end.box, side), side };
}

export interface Ports {
  start: Point;
  startSide: Side;
  end: Point;
  endSide: Side;
}

export function portsBetween(from: End, to: End): Ports {
  const a = portOf(from, to);
  const b = portOf(to, from);
  return { start: a.point, startSide: a.side, end: b.point, endSide: b.side };
}

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

const fmt = (n: number) => Math.round(n * 10) / 10;

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

function boundsOf(points: readonly Point[], margin: number): Box {
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

const grow = (b: Box, by: number): Box => ({
  x: b.x - by,
  y: b.y - by,
  width: b.width + 2 * by,
  height: b.height + 2 * by,
});

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

/** A binary min-heap of (priority, value). */
class Heap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  get size() {
    return this.keys.length;
  }
  push(key: number, value: number) {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }
  /** The smallest key (call only when not empty). */
  peek() {
    return this.keys[0]!;
  }
  pop(): number {
    const { keys, values } = this;
    const top = values[0]!;
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    if (keys.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= keys.length) break;
        const r = l + 1;
        const c = r < keys.length && keys[r]! < keys[l]! ? r : l;
        if (keys[c]! >= lastKey) break;
        keys[i] = keys[c]!;
        values[i] = values[c]!;
        i = c;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

// Directions as numbers for the search: right, down, left, up.
const STEPS = [
  { dx: 1, dy: 0 },
  { dx: 0, dy: 1 },
  { dx: -1, dy: 0 },
  { dx: 0, dy: -1 },
];
const stepOf: Record<Side, number> = { right: 0, bottom: 1, left: 2, top: 3 };

/**
 * The shortest orthogonal path (length plus a cost per bend) from `from` leaving towards
 * `fromStep` to `to` arriving along `toStep`, keeping clear of the boxes; undefined if none
 * within `area`.
 */
function searchPath(
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
  const heap = new Heap();
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

/** Drops repeated and collinear middle points. */
function simplify(points: readonly Point[]): Point[] {
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

const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/** An SVG path through the points with each corner rounded. */
function roundedPath(points: readonly Point[], radius = CORNER_RADIUS): string {
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

const step = (p: Point, side: Side, by: number): Point => ({
  x: p.x + DIRECTION[side].x * by,
  y: p.y + DIRECTION[side].y * by,
});

/** The boxes an edge between these ends must not cross: every indexed box but its ends'. */
function othersNear(index: BoxIndex, region: Box, from: End, to: End): Box[] {
  return index
    .query(region)
    .filter((entry) => entry.id !== from.id && entry.id !== to.id)
    .map((entry) => entry.box);
}

/**
 * The path of an edge from `from` to `to` among the boxes of `index` (entity boxes and account
 * headers, by id): the plain curve when it crosses none of them, else a way round them.
 */
export function routeBetween(from: End, to: End, index: BoxIndex): Route {
  const ports = portsBetween(from, to);
  const curve = curveRoute(ports);
  if (!crossesAny(curve.points, othersNear(index, curve.window, from, to))) return curve;
  // Leave and arrive where there is room for the stub (not right against a neighbour).
  const [start, startSide] = roomyPort(from, ports.start, ports.startSide, index);
  const [end, endSide] = roomyPort(to, ports.end, ports.endSide, index);
  const s1 = step(start, startSide, STUB);
  const e1 = step(end, endSide, STUB);
  const ends = [solidBox(from), solidBox(to)];
  for (const room of WINDOWS) {
    const area = boundsOf([s1, e1], room);
    const near = othersNear(index, area, from, to);
    if (near.length > MAX_OBSTACLES) break;
    // A stub that still ends inside a neighbour's clearance (no side has room) may graze it.
    const boxes = [...ends, ...near].filter((b) => {
      const g = grow(b, CLEARANCE);
      return !inside(g, s1) && !inside(g, e1);
    });
    const found = searchPath(s1, stepOf[startSide], e1, (stepOf[endSide] + 2) % 4, boxes, area);
    if (!found) continue;
    const points = simplify([start, ...found, end]);
    return { path: roundedPath(points), points, routed: true, window: area };
  }
  return curve;
}

const opposite: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

/** The port on `side` of an end (an account's on its header). */
function portOn(end: End, side: Side): Point {
  return anchor(solidBox(end), side);
}

/**
 * The given port when its stub ends clear of every other box; else the first other side of
 * the end that has room (for an account, its header's sides and top).
 */
function roomyPort(end: End, point: Point, side: Side, index: BoxIndex): [Point, Side] {
  const clear = (p: Point) =>
    !index
      .query({
        x: p.x - CLEARANCE,
        y: p.y - CLEARANCE,
        width: 2 * CLEARANCE,
        height: 2 * CLEARANCE,
      })
      .some((entry) => entry.id !== end.id && inside(grow(entry.box, CLEARANCE), p));
  if (clear(step(point, side, STUB))) return [point, side];
  const others: Side[] =
    end.header === undefined
      ? side === 'top' || side === 'bottom'
        ? ['left', 'right', opposite[side]]
        : ['top', 'bottom', opposite[side]]
      : (['left', 'right', 'top'] as Side[]).filter((s) => s !== side);
  for (const other of others) {
    const p = portOn(end, other);
    if (clear(step(p, other, STUB))) return [p, other];
  }
  return [point, side];
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
