// The overview of a large design as pixels: each entity a small rectangle in its tile's
// colour over the translucent account frames, written straight into an RGBA buffer. Drawing
// 20,000 rectangles on a 2D canvas one fillRect at a time cost the opening over 50 ms of
// rasterizing; filling the few pixels each covers costs a few milliseconds.

import type { Frame } from './geometry';

export interface RasterEntity {
  x: number;
  y: number;
  /** `#rrggbb`. */
  color: string;
}

export interface RasterView {
  /** Device pixels. */
  width: number;
  height: number;
  /** Flow coordinates to device pixels: `offset + flow * scale`. */
  offsetX: number;
  offsetY: number;
  scale: number;
  /** An entity's size in flow coordinates. */
  entityWidth: number;
  entityHeight: number;
  /** The account frames' fill, straight (not premultiplied) RGBA 0-255. */
  frameColor: readonly [number, number, number, number];
}

const rgbCache = new Map<string, [number, number, number]>();

function rgbOf(color: string): [number, number, number] {
  let rgb = rgbCache.get(color);
  if (!rgb) {
    const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1] ?? '64748b';
    const n = parseInt(hex, 16);
    rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    rgbCache.set(color, rgb);
  }
  return rgb;
}

/** Fills the device pixels a flow-coordinate box covers (at least one pixel). */
function fill(
  data: Uint8ClampedArray,
  view: RasterView,
  x: number,
  y: number,
  width: number,
  height: number,
  rgba: readonly [number, number, number, number],
) {
  const x0 = Math.max(0, Math.floor(view.offsetX + x * view.scale));
  const y0 = Math.max(0, Math.floor(view.offsetY + y * view.scale));
  const x1 = Math.min(
    view.width,
    Math.max(x0 + 1, Math.ceil(view.offsetX + (x + width) * view.scale)),
  );
  const y1 = Math.min(
    view.height,
    Math.max(y0 + 1, Math.ceil(view.offsetY + (y + height) * view.scale)),
  );
  const [r, g, b, a] = rgba;
  for (let py = y0; py < y1; py++) {
    let i = (py * view.width + x0) * 4;
    for (let px = x0; px < x1; px++, i += 4) {
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = a;
    }
  }
}

/** The overview's pixels (RGBA, row by row): account frames, then entities over them. */
export function rasterOverview(
  accounts: readonly Frame[],
  entities: readonly RasterEntity[],
  view: RasterView,
): Uint8ClampedArray<ArrayBuffer> {
  const data = new Uint8ClampedArray(view.width * view.height * 4);
  for (const f of accounts) fill(data, view, f.x, f.y, f.width, f.height, view.frameColor);
  for (const e of entities) {
    const [r, g, b] = rgbOf(e.color);
    fill(data, view, e.x, e.y, view.entityWidth, view.entityHeight, [r, g, b, 255]);
  }
  return data;
}
