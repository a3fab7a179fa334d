import type { Position } from '../model';

/** Entity nodes have a fixed size so container frames can be computed without measuring. */
export const ENTITY_WIDTH = 180;
export const ENTITY_HEIGHT = 64;
export const ACCOUNT_HEADER = 44;
export const ACCOUNT_PADDING = 20;
const ACCOUNT_MIN_WIDTH = ENTITY_WIDTH + 2 * ACCOUNT_PADDING;
const ACCOUNT_MIN_HEIGHT = ACCOUNT_HEADER + ENTITY_HEIGHT + 2 * ACCOUNT_PADDING;

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * An account's frame: its stored frame grown to hold every entity placed in it, so a node
 * dropped near the edge never hangs outside its account.
 */
export function accountFrame(stored: Position, children: readonly Position[]): Frame {
  let left = stored.x;
  let top = stored.y;
  let right = stored.x + Math.max(stored.width ?? 0, ACCOUNT_MIN_WIDTH);
  let bottom = stored.y + Math.max(stored.height ?? 0, ACCOUNT_MIN_HEIGHT);
  for (const child of children) {
    left = Math.min(left, child.x - ACCOUNT_PADDING);
    top = Math.min(top, child.y - ACCOUNT_HEADER);
    right = Math.max(right, child.x + ENTITY_WIDTH + ACCOUNT_PADDING);
    bottom = Math.max(bottom, child.y + ENTITY_HEIGHT + ACCOUNT_PADDING);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function containsPoint(frame: Frame, point: { x: number; y: number }): boolean {
  return (
    point.x >= frame.x &&
    point.x <= frame.x + frame.width &&
    point.y >= frame.y &&
    point.y <= frame.y + frame.height
  );
}

export function centreOf(position: { x: number; y: number }) {
  return { x: position.x + ENTITY_WIDTH / 2, y: position.y + ENTITY_HEIGHT / 2 };
}
