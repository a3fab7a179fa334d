import { describe, expect, it } from 'vitest';
import { generateDesign, sampleDesign } from '../model';
import { accountFrames, designBounds } from './nodes/build-nodes';
import { largeOpeningView, openingViewBox } from './useFitOnOpen';
import { FIT_PADDING, READABLE_ZOOM } from './view-fit';

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

describe('what the view a design opens at shows (where labels are kept whole)', () => {
  it('shows all of a design that fits readably, with room for the controls and legend', () => {
    const design = generateDesign({ nodes: 12, seed: 1 });
    const bounds = designBounds(design);
    const view = openingViewBox(design, 1920, 1080);
    expect(view.width / view.height).toBeCloseTo(1920 / 1080, 5);
    expect(view.x).toBeLessThan(bounds.x);
    expect(view.y).toBeLessThan(bounds.y);
    expect(view.x + view.width).toBeGreaterThan(bounds.x + bounds.width);
    expect(view.y + view.height).toBeGreaterThan(bounds.y + bounds.height);
  });

  it('shows the top left of the first account at the readable zoom when all would be too small', () => {
    const design = generateDesign({ nodes: 40, seed: 3 });
    const first = accountFrames(design).get(design.accounts[0]!.id)!;
    const view = openingViewBox(design, width, height);
    expect(view.width).toBeCloseTo(width / READABLE_ZOOM, 5);
    expect(view.x).toBeCloseTo(first.x - parseInt(FIT_PADDING.left) / READABLE_ZOOM, 5);
    expect(view.y).toBeCloseTo(first.y - parseInt(FIT_PADDING.top) / READABLE_ZOOM, 5);
  });
});
