// The path an edge draws between two node boxes: the plain curve between the sides that face
// each other when that curve crosses no other node, else an orthogonal path with rounded
// corners around the boxes in its way (A* over the lines just outside the boxes near it).
// Pure: boxes in, path out. Ports: ./ports.ts; the search: ./grid-search.ts; the drawn
// shapes: ./path-shape.ts.

import type { BoxIndex } from './box-index';
import { searchPath, stepOf } from './grid-search';
import { curveRoute, roundedPath, simplify } from './path-shape';
import { portsBetween, roomyPort, solidBox, STUB, type End } from './ports';
import {
  boundsOf,
  CLEARANCE,
  crossesAny,
  grow,
  inside,
  step,
  type Box,
  type Point,
} from './route-geometry';

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

/** Room around the two ends searched for a way round, then a wider one. */
const WINDOWS = [140, 420];
/** More boxes than this near an edge: keep the curve (a path there would cost too much). */
const MAX_OBSTACLES = 300;

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
