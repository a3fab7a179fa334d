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
  return { x: box.x * zoom + tx, y: box.y * zoom + ty, width: box.width * zoom, height: box.height * zoom };
}

export function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export const BADGE_WIDTH = 200;
export const BADGE_TOP = 12;
export const BADGE_HEIGHT = 44;

/** The STS (or service endpoint) badge: top centre of the pane. */
export function badgeBox(paneWidth: number): Box {
  return { x: Math.max(0, paneWidth / 2 - BADGE_WIDTH / 2), y: BADGE_TOP, width: BADGE_WIDTH, height: BADGE_HEIGHT };
}

export const CARD_WIDTH = 236;
const CARD_GAP = 8;

/** The top-left corner of a role's card stack: right of the node, or left when there is no room, always inside the pane. */
export function cardAnchor(node: Box, pane: { width: number; height: number }): Point {
  const right = node.x + node.width + CARD_GAP;
  const x = right + CARD_WIDTH <= pane.width ? right : node.x - CARD_GAP - CARD_WIDTH;
  return {
    x: Math.min(Math.max(CARD_GAP, x), Math.max(CARD_GAP, pane.width - CARD_WIDTH - CARD_GAP)),
    y: Math.min(Math.max(CARD_GAP, node.y), Math.max(CARD_GAP, pane.height - 120)),
  };
}
