import { describe, expect, it } from 'vitest';
import {
  CANVAS_MIN_SHARE,
  bottomMax,
  defaultLayout,
  inspectorMax,
  parseLayout,
} from './room-layout';

describe('room layout', () => {
  const defaults = defaultLayout(720);

  it('starts with a bottom panel that leaves the canvas its share at 1280x720', () => {
    // The header and notices take about 100 px at 1280x720.
    expect(defaults.bottomHeight).toBeLessThanOrEqual(bottomMax(720, 100));
    expect(720 - 100 - 6 - defaults.bottomHeight).toBeGreaterThanOrEqual(CANVAS_MIN_SHARE * 720);
  });

  it.each([
    [720, 100, 217],
    [900, 100, 298],
    [400, 100, 120],
  ])('caps the bottom panel at %i px high under %i px of header at %i px', (vh, top, max) => {
    expect(bottomMax(vh, top)).toBe(max);
  });

  it.each([
    [1280, 640],
    [1920, 800],
    [300, 240],
  ])('caps the inspector at half of %i px: %i', (vw, max) => {
    expect(inspectorMax(vw)).toBe(max);
  });

  it.each([
    ['nothing stored', null, defaults],
    ['not JSON', '{', defaults],
    ['not an object', '3', defaults],
    [
      'a partial layout',
      '{"bottomHeight":180,"present":true,"inspectorWidth":"wide"}',
      { ...defaults, bottomHeight: 180, present: true },
    ],
    [
      'a whole layout',
      '{"bottomHeight":150,"bottomCollapsed":true,"inspectorWidth":400,"inspectorCollapsed":true,"present":false}',
      {
        bottomHeight: 150,
        bottomCollapsed: true,
        inspectorWidth: 400,
        inspectorCollapsed: true,
        present: false,
      },
    ],
  ])('reads %s', (_, text, expected) => {
    expect(parseLayout(text, defaults)).toEqual(expected);
  });
});
