import { describe, expect, it } from 'vitest';
import { STICKY_ROOM_PX, scrollDelta } from './scroll-into-panel';

const view = { top: 100, bottom: 400 };
const top = view.top + STICKY_ROOM_PX;

describe('scrollDelta', () => {
  const cases = [
    {
      name: 'both showing: no scroll',
      target: { top: 250, bottom: 350 },
      head: { top: 200, bottom: 220 },
      delta: 0,
    },
    {
      name: 'target below: head to the top when both fit',
      target: { top: 600, bottom: 700 },
      head: { top: 500, bottom: 520 },
      delta: 500 - top,
    },
    {
      name: 'target below and too far from the head: target bottom at the bottom',
      target: { top: 700, bottom: 800 },
      head: { top: 500, bottom: 520 },
      delta: 800 - 400,
    },
    {
      name: 'target above: head to the top',
      target: { top: 20, bottom: 80 },
      head: { top: -10, bottom: 10 },
      delta: -10 - top,
    },
    {
      name: 'target taller than the view: its top shows',
      target: { top: 600, bottom: 1200 },
      head: { top: 500, bottom: 520 },
      delta: 600 - top,
    },
    {
      name: 'head hidden under the sticky heading, target showing: head comes down',
      target: { top: 200, bottom: 300 },
      head: { top: 110, bottom: 130 },
      delta: 110 - top,
    },
    {
      name: 'no head, target below: as little as it takes',
      target: { top: 500, bottom: 550 },
      head: undefined,
      delta: 150,
    },
    {
      name: 'no head, target above: its top under the sticky heading',
      target: { top: 50, bottom: 90 },
      head: undefined,
      delta: 50 - top,
    },
  ];
  it.each(cases)('$name', ({ target, head, delta }) => {
    expect(scrollDelta(view, target, head)).toBe(delta);
  });
});
