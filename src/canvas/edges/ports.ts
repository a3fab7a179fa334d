// Where an edge attaches to its ends: the sides of two boxes that face each other; an
// account (its root) on its header, down to what is inside it and out of its sides or top to
// what is not; another side when a neighbour sits right against the facing one. Pure.

import type { BoxIndex } from './box-index';
import {
  CLEARANCE,
  centre,
  grow,
  inside,
  step,
  type Box,
  type Point,
  type Side,
} from './route-geometry';

/**
 * One end of an edge: an entity's box, or an account's frame with the height of its header
 * (the account is its root; its port is on the header).
 */
export interface End {
  id: string;
  box: Box;
  header?: number;
}

/** How far a path leaves its port straight before turning. */
export const STUB = 10;

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

const opposite: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

/** The port on `side` of an end (an account's on its header). */
function portOn(end: End, side: Side): Point {
  return anchor(solidBox(end), side);
}

/**
 * The given port when its stub ends clear of every other box; else the first other side of
 * the end that has room (for an account, its header's sides and top).
 */
export function roomyPort(end: End, point: Point, side: Side, index: BoxIndex): [Point, Side] {
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
