import { describe, expect, it } from 'vitest';
import { rasterOverview, type RasterView } from './minimap-raster';

const view: RasterView = {
  width: 20,
  height: 10,
  offsetX: 1,
  offsetY: 0,
  scale: 0.1,
  entityWidth: 20,
  entityHeight: 10,
  frameColor: [10, 20, 30, 40],
};
const pixel = (data: Uint8ClampedArray, x: number, y: number) => [
  ...data.slice((y * view.width + x) * 4, (y * view.width + x) * 4 + 4),
];

describe('the overview as pixels', () => {
  const data = rasterOverview(
    [{ x: 0, y: 0, width: 100, height: 50 }],
    [
      { x: 10, y: 10, color: '#E7157B' },
      { x: 150, y: 80, color: 'not a colour' },
      { x: 500, y: 500, color: '#000000' },
    ],
    view,
  );

  it.each([
    // [x, y, what covers it]
    [0, 0, [0, 0, 0, 0]], // left of the frame (offset 1)
    [1, 0, [10, 20, 30, 40]], // the frame
    [10, 4, [10, 20, 30, 40]], // the frame's last column
    [11, 4, [0, 0, 0, 0]], // right of the frame
    [2, 1, [0xe7, 0x15, 0x7b, 255]], // the entity at (10,10): pixels 2-3 by 1
    [3, 1, [0xe7, 0x15, 0x7b, 255]],
    [4, 1, [10, 20, 30, 40]], // beside it, the frame again
    [16, 8, [0x64, 0x74, 0x8b, 255]], // an unreadable colour: slate
  ])('pixel (%i, %i) is %j', (x, y, rgba) => {
    expect(pixel(data, x, y)).toEqual(rgba);
  });

  it('clips what lies outside and gives every entity at least one pixel', () => {
    expect(data.length).toBe(20 * 10 * 4);
    const tiny = rasterOverview([], [{ x: 0, y: 0, color: '#ffffff' }], { ...view, scale: 0.001 });
    expect(pixel(tiny, 1, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(tiny, 2, 0)).toEqual([0, 0, 0, 0]);
  });
});
