// The routes of a design's edges, kept between layouts: a layout change (a drop, an auto
// layout, an edit) re-routes only the edges whose ends moved or whose region held a box that
// changed; every other route is reused. Routes are computed on demand, for drawn edges only.

import { BoxIndex, boxesOverlap, type Box, type Indexed } from './box-index';
import { solidBox, type End } from './ports';
import { routeBetween, type Route } from './route';

const sameBox = (a: Box, b: Box) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameEnd = (a: End, b: End) => a === b || (a.header === b.header && sameBox(a.box, b.box));

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
    // What a route goes around is the solid part of a box (an account's header, not its open
    // frame): a child moved inside an account that grows its frame changes the routes near the
    // header and the account's own edges, not every route inside the account.
    const moved: { id: string; old?: End; now?: End }[] = [];
    for (const [id, end] of ends) {
      const old = this.ends.get(id);
      if (old && sameEnd(old, end)) continue;
      moved.push({ id, old, now: end });
      if (moved.length > MANY_CHANGES) break;
    }
    if (moved.length <= MANY_CHANGES)
      for (const [id, old] of this.ends) if (!ends.has(id)) moved.push({ id, old });
    if (moved.length === 0) return false;
    this.ends = ends;
    this.version++;
    if (moved.length > MANY_CHANGES) {
      this.index = new BoxIndex(
        [...ends.values()].map((end): Indexed => ({ id: end.id, box: solidBox(end) })),
      );
      this.routes.clear();
      return true;
    }
    const changed: Box[] = [];
    for (const { id, old, now } of moved) {
      if (old) this.index.remove(id, solidBox(old));
      if (now) this.index.add({ id, box: solidBox(now) });
      const before = old && solidBox(old);
      const after = now && solidBox(now);
      if (before && after && sameBox(before, after)) continue;
      if (before) changed.push(before);
      if (after) changed.push(after);
    }
    const movedIds = new Set(moved.map((m) => m.id));
    for (const [key, { from, to, route }] of this.routes) {
      const stale =
        movedIds.has(from.id) ||
        movedIds.has(to.id) ||
        changed.some((box) => boxesOverlap(box, route.window));
      if (stale) this.routes.delete(key);
    }
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
