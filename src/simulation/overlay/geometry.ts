// Where the simulation draws on the canvas, in screen pixels relative to the canvas pane:
// node boxes through the viewport transform, the route a request takes along its edge, the
// STS badge beside that route, and credentials docked beside their role in free space.

import { segmentHits } from '../../canvas';
import { FREE_CLEARANCE, closestPoints, nearestFreePlace } from './free-space';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

interface Size {
  width: number;
  height: number;
}

/** React Flow's viewport: translate x, translate y, zoom. */
export type ViewTransform = readonly [number, number, number];

export function toScreen(box: Box, [tx, ty, zoom]: ViewTransform): Box {
  return {
    x: box.x * zoom + tx,
    y: box.y * zoom + ty,
    width: box.width * zoom,
    height: box.height * zoom,
  };
}

export function pointToScreen(p: Point, [tx, ty, zoom]: ViewTransform): Point {
  return { x: p.x * zoom + tx, y: p.y * zoom + ty };
}

export function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const GAP = 8;

function insidePane(box: Box, pane: Size): boolean {
  return (
    box.x >= GAP &&
    box.y >= GAP &&
    box.x + box.width <= pane.width - GAP &&
    box.y + box.height <= pane.height - GAP
  );
}

/** Where the line from `box`'s centre towards `towards` leaves the box. */
function borderPoint(box: Box, towards: Point): Point {
  const c = centre(box);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** A request's way between two boxes when no edge joins them: border to border. */
export function straightRoute(from: Box, to: Box): Point[] {
  return [borderPoint(from, centre(to)), borderPoint(to, centre(from))];
}

/** A route to a point from a box's border. */
export function routeFromBox(from: Box, to: Point): Point[] {
  return [borderPoint(from, to), to];
}

const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

export function routeLength(route: readonly Point[]): number {
  let length = 0;
  for (let i = 1; i < route.length; i++) length += distance(route[i - 1]!, route[i]!);
  return length;
}

/** The point a fraction `t` (0..1) of the way along a route, and the route's direction there. */
export function along(route: readonly Point[], t: number): { point: Point; direction: Point } {
  const first = route[0] ?? { x: 0, y: 0 };
  const total = routeLength(route);
  let left = Math.min(Math.max(t, 0), 1) * total;
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!;
    const b = route[i]!;
    const d = distance(a, b);
    if (d === 0) continue;
    const direction = { x: (b.x - a.x) / d, y: (b.y - a.y) / d };
    if (left <= d || i === route.length - 1) {
      const f = Math.min(left / d, 1);
      return { point: { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f }, direction };
    }
    left -= d;
  }
  return { point: first, direction: { x: 1, y: 0 } };
}

/** The part of a route from fraction `from` to fraction `to` of its length. */
export function subRoute(route: readonly Point[], from: number, to: number): Point[] {
  const total = routeLength(route);
  if (route.length < 2 || total === 0) return [...route];
  const start = along(route, from).point;
  const end = along(route, to).point;
  const out: Point[] = [start];
  let walked = 0;
  for (let i = 1; i < route.length; i++) {
    walked += distance(route[i - 1]!, route[i]!);
    const t = walked / total;
    if (t > from && t < to) out.push(route[i]!);
  }
  out.push(end);
  return out;
}

/** Fractions along the route where the badge may sit, the middle first. */
const BADGE_STOPS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
/** How far off the route the badge may sit, nearest first. */
const BADGE_OFFSETS = [8, 24, 40, 56, 72];

export interface BadgePlacement {
  box: Box;
  /** The fraction of the route the badge sits beside: where a request stops to be checked. */
  at: number;
  /** Set when the badge sits away from the route: the line tying it to its stop on the route. */
  leader?: { from: Point; to: Point };
}

/**
 * The STS badge beside a route: off to one side of it (above or below a route running
 * across, left or right of one running down), as near its middle as free space allows,
 * covering no obstacle and not the route itself; past the first row beside the route, tied to
 * it by a leader. With nothing free beside it, the nearest free place in the pane, with a
 * leader; with no free place in the pane at all, none (the panel shows the same steps).
 */
export function placeBadge(
  route: readonly Point[],
  size: Size,
  obstacles: readonly Box[],
  pane: Size,
): BadgePlacement | undefined {
  const free = (box: Box) =>
    insidePane(box, pane) &&
    obstacles.every((o) => overlapArea(box, o) === 0) &&
    !crossesRoute(box, route);
  // Nearest the line first; farther off only where nearer places are taken.
  for (const offset of BADGE_OFFSETS) {
    for (const at of BADGE_STOPS) {
      const { point: p, direction } = along(route, at);
      const across = Math.abs(direction.x) >= Math.abs(direction.y);
      const sides: Point[] = across
        ? [
            { x: p.x - size.width / 2, y: p.y - offset - size.height },
            { x: p.x - size.width / 2, y: p.y + offset },
          ]
        : [
            { x: p.x + offset, y: p.y - size.height / 2 },
            { x: p.x - offset - size.width, y: p.y - size.height / 2 },
          ];
      for (const side of sides) {
        const box = { ...side, ...size };
        if (!free(box)) continue;
        if (offset === BADGE_OFFSETS[0]) return { box, at };
        return { box, at, leader: closestPoints({ ...p, width: 0, height: 0 }, box) };
      }
    }
  }
  const stops = BADGE_STOPS.map((at) => ({ ...along(route, at).point, width: 0, height: 0 }));
  const spot = nearestFreePlace({
    size,
    targets: stops,
    obstacles,
    lines: [route],
    solid: obstacles,
    pane,
  });
  return spot && { box: spot.box, at: BADGE_STOPS[spot.target]!, leader: spot.leader };
}

/** Whether the box lies across the route (touching it is not crossing). */
function crossesRoute(box: Box, route: readonly Point[]): boolean {
  for (let i = 1; i < route.length; i++)
    if (segmentHits(route[i - 1]!, route[i]!, box)) return true;
  return false;
}

/** Space between a node and its dock: clear of the outline a run draws around the node. */
const DOCK_GAP = 12;

/**
 * The places beside a node a dock may go, nearest first: right, left, below, above; then a
 * row farther below and above (past an edge label that sits against the node).
 */
function besideCandidates(node: Box, size: Size): Point[] {
  const right = node.x + node.width + DOCK_GAP;
  const left = node.x - DOCK_GAP - size.width;
  const below = node.y + node.height + DOCK_GAP;
  const above = node.y - DOCK_GAP - size.height;
  const middleY = node.y + node.height / 2 - size.height / 2;
  const middleX = node.x + node.width / 2 - size.width / 2;
  const alignedX = [node.x, middleX, node.x + node.width - size.width];
  const farther = size.height + DOCK_GAP;
  return [
    { x: right, y: node.y },
    { x: right, y: middleY },
    { x: right, y: node.y + node.height - size.height },
    { x: left, y: node.y },
    { x: left, y: middleY },
    { x: left, y: node.y + node.height - size.height },
    ...alignedX.map((x) => ({ x, y: below })),
    ...alignedX.map((x) => ({ x, y: above })),
    ...alignedX.map((x) => ({ x, y: below + farther })),
    ...alignedX.map((x) => ({ x, y: above - farther })),
  ];
}

/** A free place right beside `node` (inside the pane, covering no obstacle), if there is one. */
export function dockBeside(
  node: Box,
  size: Size,
  obstacles: readonly Box[],
  pane: Size,
): Point | undefined {
  return besideCandidates(node, size).find((at) => {
    const box = { ...at, ...size };
    return (
      insidePane(box, pane) &&
      overlapArea(box, node) === 0 &&
      obstacles.every((o) => overlapArea(box, o) === 0)
    );
  });
}

interface CanvasDock {
  at: Point;
  /** `cards` when the whole stack fits in free space, `chips` when only the countdowns do. */
  mode: 'cards' | 'chips';
  /** Set when the chips sit away from their role: the line tying them to it. */
  leader?: { from: Point; to: Point };
}

/** On the canvas, or (no free place in the pane holds even the chips) in the simulation panel. */
export type DockPlacement = CanvasDock | { mode: 'panel' };

/**
 * Where a role's credentials go: the cards beside it in free space, else chips with their
 * countdowns beside it, else the chips in the nearest free place in the pane tied to the role
 * by a leader, else (the pane full) in the simulation panel. Never over a node.
 *
 * `opened` is the size of the chips with a card opened from them (on request): placed where
 * it fits free, beside the role or with a leader; where nothing that large is free, the opened
 * card stays where its chip is (kept inside the pane) until folded again: the person asked
 * for it, and it does not move to the panel for being opened.
 */
export function placeDock(
  node: Box,
  sizes: { cards: Size; chips: Size; opened?: Size },
  obstacles: readonly Box[],
  pane: Size,
  /** What a leader should not cross: the nodes and labels (not the request's way). */
  solid: readonly Box[] = obstacles,
): DockPlacement {
  const cards = dockBeside(node, sizes.cards, obstacles, pane);
  if (cards) return { at: cards, mode: 'cards' };
  const chipsAt = (size: Size): CanvasDock | undefined => {
    const beside = dockBeside(node, size, obstacles, pane);
    if (beside) return { at: beside, mode: 'chips' };
    const spot = nearestFreePlace({
      size,
      targets: [node],
      // As far from the role as beside it: clear of the outline a run draws round it.
      obstacles: [...obstacles, grow(node, DOCK_GAP - FREE_CLEARANCE)],
      solid,
      pane,
    });
    return spot && { at: { x: spot.box.x, y: spot.box.y }, mode: 'chips', leader: spot.leader };
  };
  const { opened } = sizes;
  const whole = opened && chipsAt(opened);
  if (whole) return whole;
  const chips = chipsAt(sizes.chips);
  if (!chips) return { mode: 'panel' };
  return opened ? { ...chips, at: clampInto(chips.at, opened, pane) } : chips;
}

function clampInto(point: Point, size: Size, pane: Size): Point {
  return {
    x: Math.min(Math.max(GAP, point.x), Math.max(GAP, pane.width - size.width - GAP)),
    y: Math.min(Math.max(GAP, point.y), Math.max(GAP, pane.height - size.height - GAP)),
  };
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}
