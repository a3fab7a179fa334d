import { describe, expect, it } from 'vitest';
import { generateDesign, sampleDesign } from '../model';
import { accountFrames } from './nodes/build-nodes';
import { largeOpeningView } from './useFitOnOpen';
import { READABLE_ZOOM } from './view-fit';

const large = generateDesign({ nodes: 2000, seed: 5 });
const width = 1280;
const height = 720;

/** Where a design point lands on screen in a view. */
const onScreen = (view: { x: number; y: number; zoom: number }, x: number, y: number) => ({
  x: view.x + x * view.zoom,
  y: view.y + y * view.zoom,
});

describe('the view a large design opens at', () => {
  it('is only for large designs', () => {
    expect(largeOpeningView(sampleDesign(), width, height)).toBeUndefined();
  });

  it('shows the middle of its first account at a readable zoom', () => {
    const view = largeOpeningView(large, width, height)!;
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const frame = accountFrames(large).get(large.accounts[0]!.id)!;
    const middle = onScreen(view, frame.x + frame.width / 2, frame.y + frame.height / 2);
    expect(middle.x).toBeGreaterThan(width * 0.25);
    expect(middle.x).toBeLessThan(width * 0.75);
    expect(middle.y).toBeGreaterThan(height * 0.25);
    expect(middle.y).toBeLessThan(height * 0.75);
  });

  it.each([1.25, 1.5])("Present's factor %s zooms it about the middle of the view", (scale) => {
    const plain = largeOpeningView(large, width, height)!;
    const present = largeOpeningView(large, width, height, scale)!;
    expect(present.zoom).toBeCloseTo(plain.zoom * scale);
    // The design point at the middle of the plain view stays at the middle.
    const middle = {
      x: (width / 2 - plain.x) / plain.zoom,
      y: (height / 2 - plain.y) / plain.zoom,
    };
    const at = onScreen(present, middle.x, middle.y);
    expect(at.x).toBeCloseTo(width / 2);
    expect(at.y).toBeCloseTo(height / 2);
  });
});
