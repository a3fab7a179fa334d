// The routes of a design's edges, kept between layouts: a layout change (a drop, an auto
// layout, an edit) re-routes only the edges whose ends moved or whose region held a box that
// changed; every other route is reused. Routes are computed on demand, for drawn edges only.

import { BoxIndex, boxesOverlap, type Box, type Indexed } from './box-index';
import { solidBox, type End } from './ports';
import { routeBetween, type Route } from './route';

const sameBox = (a: Box, b: Box) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameEnd = (a: End, b: End) => a.header === b.header && sameBox(a.box, b.box);

/** More changed boxes than this at once (a new design, an auto layout): start afresh. */
const MANY_CHANGES = 500;

interface Cached {
  from: End;
  to: End;
  route: Route;
}

export class EdgeRouter {
  private ends: ReadonlyMap<string, End> = new Map();
  private index = new BoxIndex([]);
  private readonly routes = new Map<string, Cached>();
  /** Changes whenever any route may have changed. */
  version = 0;

  /** The ends as the router last saw them (committed positions, not a drag in progress). */
  end(id: string): End | undefined {
    return this.ends.get(id);
  }

  /** The solid boxes edges go around: entity boxes and account headers. */
  obstacles(): Box[] {
    return [...this.ends.values()].map(solidBox);
  }

  /** Takes a new layout; returns whether anything changed. */
  update(ends: ReadonlyMap<string, End>): boolean {
    const changed: Box[] = [];
    for (const [id, end] of ends) {
      const old = this.ends.get(id);
      if (old && sameEnd(old, end)) continue;
      // What routes go around: an account's header, not its whole frame.
      changed.push(solidBox(end));
      if (old) changed.push(solidBox(old));
      if (changed.length > MANY_CHANGES) break;
    }
    for (const [id, old] of this.ends) if (!ends.has(id)) changed.push(solidBox(old));
    if (changed.length === 0) return false;
    this.ends = ends;
    this.index = new BoxIndex(
      [...ends.values()].map((end): Indexed => ({ id: end.id, box: solidBox(end) })),
    );
    if (changed.length > MANY_CHANGES) this.routes.clear();
    else
      for (const [key, cached] of this.routes) {
        const { from, to, route } = cached;
        const stale =
          ends.get(from.id) === undefined ||
          !sameEnd(ends.get(from.id)!, from) ||
          ends.get(to.id) === undefined ||
          !sameEnd(ends.get(to.id)!, to) ||
          changed.some((box) => boxesOverlap(box, route.window));
        if (stale) this.routes.delete(key);
      }
    this.version++;
    return true;
  }

  /** The route of an edge between these nodes, or undefined when an end is not laid out. */
  route(source: string, target: string): Route | undefined {
    const key = `${source}\n${target}`;
    const cached = this.routes.get(key);
    if (cached) return cached.route;
    const from = this.ends.get(source);
    const to = this.ends.get(target);
    if (!from || !to) return undefined;
    const route = routeBetween(from, to, this.index);
    this.routes.set(key, { from, to, route });
    return route;
  }
}
