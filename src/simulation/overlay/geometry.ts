// Where the simulation draws on the canvas, in screen pixels relative to the canvas pane:
// node boxes through the viewport transform, the STS badge at the top centre, cards beside
// a role kept inside the pane.

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

export function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const BADGE_WIDTH = 200;
const BADGE_TOP = 12;
const BADGE_HEIGHT = 44;

/** The STS (or service endpoint) badge: top centre of the pane. */
export function badgeBox(paneWidth: number): Box {
  return {
    x: Math.max(0, paneWidth / 2 - BADGE_WIDTH / 2),
    y: BADGE_TOP,
    width: BADGE_WIDTH,
    height: BADGE_HEIGHT,
  };
}

export const CARD_WIDTH = 236;
/** About the height of one unfolded card, for placing a stack before it is measured. */
export const CARD_HEIGHT = 150;
const CARD_GAP = 8;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampInto(
  point: Point,
  size: { width: number; height: number },
  pane: { width: number; height: number },
): Point {
  return {
    x: Math.min(
      Math.max(CARD_GAP, point.x),
      Math.max(CARD_GAP, pane.width - size.width - CARD_GAP),
    ),
    y: Math.min(
      Math.max(CARD_GAP, point.y),
      Math.max(CARD_GAP, pane.height - size.height - CARD_GAP),
    ),
  };
}

/**
 * Where a stack of cards goes beside its role's node: right, below, left or above (in that
 * order of preference), inside the pane, covering as little of the other nodes and stacks
 * as it can. The node itself is never covered when another side is free.
 */
export function placeStack(
  node: Box,
  size: { width: number; height: number },
  obstacles: readonly Box[],
  pane: { width: number; height: number },
): Point {
  const candidates: Point[] = [
    { x: node.x + node.width + CARD_GAP, y: node.y },
    { x: node.x, y: node.y + node.height + CARD_GAP },
    { x: node.x - CARD_GAP - size.width, y: node.y },
    { x: node.x, y: node.y - CARD_GAP - size.height },
    { x: node.x + node.width + CARD_GAP, y: node.y + node.height - size.height },
  ];
  let best: Point | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const at = clampInto(candidate, size, pane);
    const box = { ...at, ...size };
    const covered = obstacles.reduce((sum, o) => sum + overlap(box, o), 0) + overlap(box, node) * 4;
    const moved = Math.abs(at.x - candidate.x) + Math.abs(at.y - candidate.y);
    const score = covered + moved * 10;
    if (score < bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best ?? clampInto(candidates[0]!, size, pane);
}
