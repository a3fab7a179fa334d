import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, badgeBox, cardAnchor, centre, toScreen } from './geometry';

describe('overlay geometry', () => {
  it('maps a node box through the viewport', () => {
    expect(toScreen({ x: 100, y: 50, width: 220, height: 64 }, [10, 20, 0.5])).toEqual({ x: 60, y: 45, width: 110, height: 32 });
    expect(centre({ x: 0, y: 0, width: 220, height: 64 })).toEqual({ x: 110, y: 32 });
  });

  it('centres the badge at the top of the pane', () => {
    const box = badgeBox(1000);
    expect(box.x + box.width / 2).toBe(500);
  });

  it.each([
    ['beside the node when it fits', { x: 100, y: 100, width: 200, height: 60 }, { x: 308, y: 100 }],
    ['left of the node near the right edge', { x: 700, y: 100, width: 200, height: 60 }, { x: 700 - 8 - CARD_WIDTH, y: 100 }],
    ['inside the pane for a node above it', { x: -500, y: -300, width: 200, height: 60 }, { x: 8, y: 8 }],
  ])('puts the card %s', (_name, node, anchor) => {
    expect(cardAnchor(node, { width: 1000, height: 600 })).toEqual(anchor);
  });
});
