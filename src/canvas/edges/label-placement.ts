import { BoxIndex } from './box-index';
import { pointAlong, segmentHits, type Point } from './route-geometry';

// Where each edge label goes: on its own edge, clear of every node box, the account headers
// and the labels placed before it. Every label is drawn somewhere (a trust condition must stay
// visible), in this order of preference:
//   1. the whole label along the edge (middle outwards), beside it, stacked against it;
//   2. a chip (expands on hover or focus) at finer steps along the whole edge, then at the
//      edge's end beside the arrow, near the role;
//   3. the whole label in the nearest free place around the edge, tied to it by a leader line
//      that crosses no node (a short edge squeezed between two nodes: the label sits beside them);
//   4. should even that find nothing near, further out, still tied to its edge.
// Given the view the design opens at, a place that view's edge would cut is not free: the label
// takes the next place, whole in view (or wholly out of it, where its edge is).
// Pure: boxes in, centres out.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** The polyline the edge's path follows (see `Route.points`). */
  points: readonly Point[];
  text: string;
}

export interface LabelPlacement {
  x: number;
  y: number;
  /** No free place for the whole label near its edge: it shows as a chip until hovered or focused. */
  collapsed: boolean;
  /** Set when the label sits away from its edge: the point on the edge a leader line joins it to. */
  leader?: Point;
}

/** Label text size (px), line height and the widest a label grows before it wraps. */
const FONT_PX = 14;
const LINE_PX = 20;
const MAX_WIDTH = 256;
/** A generous average glyph width for the 14 px medium face: overestimating is safe. */
const GLYPH_PX = 0.6 * FONT_PX;
const PAD_X = 18;
const PAD_Y = 6;
/** Space kept between a label and anything else. */
const GAP = 4;
export const CHIP = { width: 30, height: LINE_PX + PAD_Y } as const;

/** The box a label's text needs (an upper bound of what the browser lays out). */
export function labelSize(text: string): { width: number; height: number } {
  const line = text.length * GLYPH_PX + PAD_X;
  if (line <= MAX_WIDTH) return { width: Math.ceil(line), height: LINE_PX + PAD_Y };
  const lines = Math.ceil((text.length * GLYPH_PX) / (MAX_WIDTH - PAD_X)) + 1;
  return { width: MAX_WIDTH, height: lines * LINE_PX + PAD_Y };
}

type Size = { width: number; height: number };

/** Along the edge from the middle outwards. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86];
/** A chip is small: it is tried at finer steps along the whole edge. */
const ALONG_FINE = Array.from({ length: 23 }, (_, i) =>
  i % 2 === 0 ? 0.5 - (i / 2) * 0.04 : 0.5 + ((i + 1) / 2) * 0.04,
);
/** Where a leader line may start on the edge: its middle stretch. */
const ANCHORS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.03, 0.97];
/** How far (px) from its edge a label with a leader is looked for, at what step. */
const NEAR = 240;
const NEAR_STEP = 12;
/** Beyond `NEAR` the search widens at this step until a place is free. */
const FAR_STEP = 24;
/** A label whose box is this close to its anchor touches the edge: no leader. */
const TOUCHING = 2;

function centred(p: Point, size: Size): Box {
  return { x: p.x - size.width / 2, y: p.y - size.height / 2, ...size };
}

/**
 * Candidate centres for a label of this size: on the edge, then beside it (touching the line,
 * so it still reads as the edge's label): left and right of an upright stretch, then stacked
 * above and below.
 */
function candidates(points: readonly Point[], size: Size, along: readonly number[]): Point[] {
  const onEdge = along.map((t) => pointAlong(points, t));
  const stack = size.height + GAP;
  const aside = size.width / 2 + GAP;
  return [
    ...onEdge.map(({ x, y }) => ({ x, y })),
    ...onEdge.flatMap((p) =>
      Math.abs(p.dy) > Math.abs(p.dx)
        ? [
            { x: p.x - aside, y: p.y },
            { x: p.x + aside, y: p.y },
          ]
        : [],
    ),
    ...onEdge.flatMap((p) => [
      { x: p.x, y: p.y - stack },
      { x: p.x, y: p.y + stack },
    ]),
  ];
}

/**
 * A chip at the edge's end, beside its arrow: a few steps back from the end, on the line and
 * to either side of it.
 */
function endCandidates(points: readonly Point[], size: Size): Point[] {
  const end = points[points.length - 1]!;
  const arriving = pointAlong(points, 1);
  const back = [size.height / 2 + GAP, size.height + GAP, 1.5 * size.height + GAP];
  // Across the arriving direction: a chip's width to either side, then two.
  const across = [0, size.width / 2 + GAP, -(size.width / 2 + GAP), size.width + 2 * GAP];
  const out: Point[] = [];
  for (const b of back)
    for (const a of [...across, -across[3]!])
      out.push({
        x: end.x - arriving.dx * b - arriving.dy * a,
        y: end.y - arriving.dy * b + arriving.dx * a,
      });
  return out;
}

/** The point of the box nearest to `p`. */
const nearestOf = (box: Box, p: Point): Point => ({
  x: Math.min(Math.max(p.x, box.x), box.x + box.width),
  y: Math.min(Math.max(p.y, box.y), box.y + box.height),
});

/** Where leaders may start on this edge: `ANCHORS`, less those within a step of one before. */
function anchorsOf(points: readonly Point[], step: number): Point[] {
  const out: Point[] = [];
  for (const t of ANCHORS) {
    const { x, y } = pointAlong(points, t);
    if (out.every((p) => Math.abs(p.x - x) + Math.abs(p.y - y) >= step)) out.push({ x, y });
  }
  return out;
}

/**
 * Centres around the edge's anchors whose box lies `from` to `to` px from the anchor, on a
 * square grid of `step`, nearest to the edge first: each with the anchor its leader starts at.
 */
function around(
  points: readonly Point[],
  size: Size,
  from: number,
  to: number,
  step: number,
): { centre: Point; anchor: Point; distance: number }[] {
  const hw = size.width / 2;
  const hh = size.height / 2;
  const out: { centre: Point; anchor: Point; distance: number }[] = [];
  for (const [rank, { x, y }] of anchorsOf(points, step).entries()) {
    const reachX = Math.floor((hw + to) / step);
    for (let i = -reachX; i <= reachX; i++) {
      const dx = Math.max(Math.abs(i * step) - hw, 0);
      if (dx >= to) continue;
      // Only the rows whose box lies in the band at this column.
      const dyMin = Math.sqrt(Math.max(from * from - dx * dx, 0));
      const dyMax = Math.sqrt(to * to - dx * dx);
      const j0 = dyMin === 0 ? 0 : Math.ceil((hh + dyMin) / step);
      const j1 = Math.floor((hh + dyMax) / step);
      for (let k = j0; k <= j1; k++)
        for (const j of k === 0 ? [0] : [-k, k]) {
          const dy = Math.max(Math.abs(j * step) - hh, 0);
          const distance = Math.hypot(dx, dy);
          if (distance < from || distance >= to) continue;
          // Anchors further from the middle cost a little more, so ties go to the middle.
          out.push({
            centre: { x: x + i * step, y: y + j * step },
            anchor: { x, y },
            distance: distance + rank,
          });
        }
    }
  }
  return out.sort((a, b) => a.distance - b.distance);
}

/** Whether the edge of `view` cuts `box`: part of it inside, part outside (or within `GAP`). */
export function cutBy(view: Box, box: Box): boolean {
  const meets =
    box.x < view.x + view.width &&
    box.x + box.width > view.x &&
    box.y < view.y + view.height &&
    box.y + box.height > view.y;
  const inside =
    box.x >= view.x + GAP &&
    box.y >= view.y + GAP &&
    box.x + box.width <= view.x + view.width - GAP &&
    box.y + box.height <= view.y + view.height - GAP;
  return meets && !inside;
}

/**
 * Places every label; `obstacles` are the node boxes (and account headers) in flow coordinates.
 * Every label gets a place clear of every obstacle and of the labels placed before it, and
 * (given `view`, what the opening view shows, in flow coordinates) not cut by the view's edge.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  view?: Box,
): Map<string, LabelPlacement> {
  const taken = new BoxIndex(obstacles.map((box, i) => ({ id: `node${i}`, box })));
  const result = new Map<string, LabelPlacement>();
  const free = (box: Box) => !taken.any(box, GAP) && !(view && cutBy(view, box));
  /** A leader line (from the edge to the label's centre) that passes through no node or label. */
  const clearLeader = (anchor: Point, centre: Point) => {
    const span = {
      x: Math.min(anchor.x, centre.x),
      y: Math.min(anchor.y, centre.y),
      width: Math.abs(centre.x - anchor.x),
      height: Math.abs(centre.y - anchor.y),
    };
    return !taken.query(span).some((entry) => segmentHits(anchor, centre, entry.box));
  };
  const place = (id: string, centre: Point, size: Size, collapsed: boolean, anchor?: Point) => {
    const box = centred(centre, size);
    taken.add({ id, box });
    const near = anchor && nearestOf(box, anchor);
    const leader =
      anchor && near && Math.hypot(near.x - anchor.x, near.y - anchor.y) > TOUCHING
        ? anchor
        : undefined;
    result.set(id, { x: centre.x, y: centre.y, collapsed, ...(leader ? { leader } : {}) });
  };

  for (const request of requests) {
    const { id, points } = request;
    if (points.length === 0) continue;
    const size = labelSize(request.text);
    const whole = candidates(points, size, ALONG).find((p) => free(centred(p, size)));
    if (whole) {
      place(id, whole, size, false);
      continue;
    }
    const chip =
      candidates(points, CHIP, ALONG_FINE).find((p) => free(centred(p, CHIP))) ??
      endCandidates(points, CHIP).find((p) => free(centred(p, CHIP)));
    if (chip) {
      place(id, chip, CHIP, true);
      continue;
    }
    // Away from the edge with a leader: the whole label, else a chip, near; else further out.
    const near = (shape: Size) =>
      nearest(points, shape, 0, NEAR, NEAR_STEP, (centre, anchor) => {
        const box = centred(centre, shape);
        return free(box) && clearLeader(anchor, centre);
      });
    const led = near(size);
    const ledChip = led ? undefined : near(CHIP);
    if (led || ledChip) {
      const spot = (led ?? ledChip)!;
      place(id, spot.centre, led ? size : CHIP, !led, spot.anchor);
      continue;
    }
    const far = farthest(
      points,
      size,
      (centre, anchor) => free(centred(centre, size)) && clearLeader(anchor, centre),
      (centre) => free(centred(centre, size)),
    );
    place(id, far.centre, size, false, far.anchor);
  }
  return result;
}

type Spot = { centre: Point; anchor: Point };

/** The first spot `fits` accepts between `from` and `to` px of the edge, nearest first. */
function nearest(
  points: readonly Point[],
  size: Size,
  from: number,
  to: number,
  step: number,
  fits: (centre: Point, anchor: Point) => boolean,
): Spot | undefined {
  // In bands, so that a place close by is found without sorting the whole neighbourhood.
  const band = 3 * step;
  for (let r = from; r < to; r += band) {
    const spot = around(points, size, r, Math.min(r + band, to), step).find(({ centre, anchor }) =>
      fits(centre, anchor),
    );
    if (spot) return spot;
  }
  return undefined;
}

/**
 * The last resort: the nearest free place further out, in widening bands; in each band a place
 * with a clear leader first, else any (its leader may then cross a node, which reads better
 * than a label far from its edge). The bands leave every box behind, so the search ends.
 */
function farthest(
  points: readonly Point[],
  size: Size,
  fitsWithLeader: (centre: Point, anchor: Point) => boolean,
  fits: (centre: Point) => boolean,
): Spot {
  for (let radius = NEAR; ; radius *= 2) {
    const spot =
      nearest(points, size, radius, 2 * radius, FAR_STEP, fitsWithLeader) ??
      nearest(points, size, radius, 2 * radius, FAR_STEP, fits);
    if (spot) return spot;
  }
}
