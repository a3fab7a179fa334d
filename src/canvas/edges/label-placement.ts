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
  /** The edge's SVG path (`M x,y C x,y x,y x,y` as getBezierPath writes it). */
  path: string;
  text: string;
}

export interface LabelPlacement {
  x: number;
  y: number;
  /** No free place for the whole label: it shows as a chip until hovered or focused. */
  collapsed: boolean;
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

type Point = { x: number; y: number };

/** The cubic of a path as getBezierPath writes it, or its two ends as a line. */
function curveOf(path: string): [Point, Point, Point, Point] | undefined {
  const n = (path.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi) ?? []).map(Number);
  if (n.length >= 8)
    return [
      { x: n[0]!, y: n[1]! },
      { x: n[2]!, y: n[3]! },
      { x: n[4]!, y: n[5]! },
      { x: n[6]!, y: n[7]! },
    ];
  if (n.length >= 4) {
    const a = { x: n[0]!, y: n[1]! };
    const b = { x: n[n.length - 2]!, y: n[n.length - 1]! };
    return [a, a, b, b];
  }
  return undefined;
}

function pointAt([p0, p1, p2, p3]: [Point, Point, Point, Point], t: number): Point {
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

/** Along the edge from the middle outwards. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86];

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + GAP &&
  b.x < a.x + a.width + GAP &&
  a.y < b.y + b.height + GAP &&
  b.y < a.y + a.height + GAP;

function centred(p: Point, size: { width: number; height: number }): Box {
  return { x: p.x - size.width / 2, y: p.y - size.height / 2, ...size };
}

/**
 * Candidate centres for a label of this size: on the edge, then stacked just above and below
 * it (touching the line, so it still reads as the edge's label).
 */
function candidates(curve: [Point, Point, Point, Point], height: number): Point[] {
  const onEdge = ALONG.map((t) => pointAt(curve, t));
  const step = height + GAP;
  return [
    ...onEdge,
    ...onEdge.flatMap((p) => [
      { x: p.x, y: p.y - step },
      { x: p.x, y: p.y + step },
    ]),
  ];
}

/** Places every label; `obstacles` are the node boxes (and account headers) in flow coordinates. */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
): Map<string, LabelPlacement> {
  const placed: Box[] = [];
  const result = new Map<string, LabelPlacement>();
  const free = (box: Box) =>
    !obstacles.some((o) => overlaps(box, o)) && !placed.some((o) => overlaps(box, o));
  for (const request of requests) {
    const curve = curveOf(request.path);
    if (!curve) continue;
    const size = labelSize(request.text);
    let spot = candidates(curve, size.height).find((p) => free(centred(p, size)));
    let collapsed = false;
    if (!spot) {
      collapsed = true;
      spot =
        candidates(curve, CHIP.height).find((p) => free(centred(p, CHIP))) ?? pointAt(curve, 0.5);
    }
    placed.push(centred(spot, collapsed ? CHIP : size));
    result.set(request.id, { x: spot.x, y: spot.y, collapsed });
  }
  return result;
}
