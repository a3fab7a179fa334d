import { describe, expect, it } from 'vitest';
import { badgeBox, centre, placeStack, toScreen, type Box } from './geometry';

const pane = { width: 1000, height: 600 };
const size = { width: 236, height: 150 };
const node: Box = { x: 100, y: 100, width: 200, height: 60 };

describe('overlay geometry', () => {
  it('maps a node box through the viewport', () => {
    expect(toScreen({ x: 100, y: 50, width: 220, height: 64 }, [10, 20, 0.5])).toEqual({
      x: 60,
      y: 45,
      width: 110,
      height: 32,
    });
    expect(centre({ x: 0, y: 0, width: 220, height: 64 })).toEqual({ x: 110, y: 32 });
  });

  it('centres the badge at the top of the pane', () => {
    const box = badgeBox(1000);
    expect(box.x + box.width / 2).toBe(500);
  });

  it.each<[string, Box, Box[], { x: number; y: number }]>([
    ['right of the node when nothing is there', node, [], { x: 308, y: 100 }],
    [
      'below when a node sits to the right',
      node,
      [{ x: 320, y: 100, width: 200, height: 60 }],
      { x: 100, y: 168 },
    ],
    [
      'left when right and below are taken',
      { x: 400, y: 100, width: 200, height: 60 },
      [
        { x: 620, y: 100, width: 200, height: 60 },
        { x: 400, y: 180, width: 200, height: 60 },
      ],
      { x: 156, y: 100 },
    ],
    [
      'left of a node at the pane’s right edge',
      { x: 900, y: 100, width: 200, height: 60 },
      [],
      { x: 656, y: 100 },
    ],
    [
      'inside the pane for a node off its top left',
      { x: -500, y: -300, width: 200, height: 60 },
      [],
      { x: 8, y: 8 },
    ],
  ])('puts the stack %s', (_name, target, obstacles, at) => {
    expect(placeStack(target, size, obstacles, pane)).toEqual(at);
  });

  it('never lets the stack leave the pane', () => {
    for (let x = -400; x <= 1400; x += 97) {
      for (let y = -300; y <= 900; y += 83) {
        const at = placeStack({ x, y, width: 200, height: 60 }, size, [], pane);
        expect(at.x).toBeGreaterThanOrEqual(8);
        expect(at.y).toBeGreaterThanOrEqual(8);
        expect(at.x + size.width).toBeLessThanOrEqual(pane.width - 8);
        expect(at.y + size.height).toBeLessThanOrEqual(pane.height - 8);
      }
    }
  });
});
