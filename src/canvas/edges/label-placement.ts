import { BoxIndex } from './box-index';
import { pointAlong, type Point } from './route';

// Where each edge label goes: on its own edge, clear of every node box, the account headers
// and the labels placed before it. Tried along the edge first (middle outwards), then stacked
// beside those points; a label with no free place collapses to a chip that expands on hover
// or focus. Pure: boxes in, centres out.

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
  /** No free place for the whole label: it shows as a chip until hovered or focused. */
  collapsed: boolean;
  /** No free place even for a chip: not drawn. */
  hidden?: boolean;
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

/** Along the edge from the middle outwards. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86];
/** A chip is small: it is tried at finer steps along the whole edge. */
const ALONG_FINE = Array.from({ length: 23 }, (_, i) =>
  i % 2 === 0 ? 0.5 - (i / 2) * 0.04 : 0.5 + ((i + 1) / 2) * 0.04,
);

function centred(p: Point, size: { width: number; height: number }): Box {
  return { x: p.x - size.width / 2, y: p.y - size.height / 2, ...size };
}

/**
 * Candidate centres for a label of this size: on the edge, then beside it (touching the line,
 * so it still reads as the edge's label): left and right of an upright stretch, then stacked
 * above and below.
 */
function candidates(
  points: readonly Point[],
  size: { width: number; height: number },
  along: readonly number[],
): Point[] {
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
 * Places every label; `obstacles` are the node boxes (and account headers) in flow coordinates.
 * A label with no free place even as a chip is `hidden` (its edge's accessible name and the
 * inspector still carry its words).
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
): Map<string, LabelPlacement> {
  const taken = new BoxIndex(obstacles.map((box, i) => ({ id: `node${i}`, box })));
  const result = new Map<string, LabelPlacement>();
  const free = (box: Box) => !taken.any(box, GAP);
  for (const request of requests) {
    if (request.points.length === 0) continue;
    const size = labelSize(request.text);
    const whole = candidates(request.points, size, ALONG).find((p) => free(centred(p, size)));
    const chip = whole
      ? undefined
      : candidates(request.points, CHIP, ALONG_FINE).find((p) => free(centred(p, CHIP)));
    const spot = whole ?? chip;
    if (!spot) {
      const middle = pointAlong(request.points, 0.5);
      result.set(request.id, { x: middle.x, y: middle.y, collapsed: true, hidden: true });
      continue;
    }
    taken.add({ id: request.id, box: centred(spot, whole ? size : CHIP) });
    result.set(request.id, { x: spot.x, y: spot.y, collapsed: !whole });
  }
  return result;
}
