import { describe, expect, it } from 'vitest';
import { BoxIndex } from './box-index';
import { portsBetween, roomyPort, solidBox, type End } from './ports';

const entity = (id: string, x: number, y: number): End => ({
  id,
  box: { x, y, width: 180, height: 64 },
});
const acct: End = { id: 'acct', box: { x: 0, y: 0, width: 600, height: 300 }, header: 44 };

describe('portsBetween', () => {
  it.each([
    [
      'one above the other',
      entity('a', 0, 0),
      entity('b', 0, 300),
      [90, 64, 'bottom'],
      [90, 300, 'top'],
    ],
    ['side by side', entity('a', 0, 0), entity('b', 400, 0), [180, 32, 'right'], [400, 32, 'left']],
    [
      'right to left',
      entity('a', 400, 0),
      entity('b', 0, 20),
      [400, 32, 'left'],
      [180, 52, 'right'],
    ],
    [
      'an account to what is inside it',
      acct,
      entity('in', 400, 150),
      [300, 44, 'bottom'],
      [490, 150, 'top'],
    ],
    [
      'an account to what is beside it',
      acct,
      entity('out', 900, 20),
      [600, 22, 'right'],
      [900, 52, 'left'],
    ],
    [
      'an account to what is above it',
      acct,
      entity('up', 100, -200),
      [300, 0, 'top'],
      [190, -136, 'bottom'],
    ],
  ])('%s', (_, from, to, [sx, sy, startSide], [ex, ey, endSide]) => {
    expect(portsBetween(from, to)).toEqual({
      start: { x: sx, y: sy },
      startSide,
      end: { x: ex, y: ey },
      endSide,
    });
  });

  it('treats only an account header as solid', () => {
    expect(solidBox(acct)).toEqual({ x: 0, y: 0, width: 600, height: 44 });
    expect(solidBox(entity('e', 5, 6))).toEqual({ x: 5, y: 6, width: 180, height: 64 });
  });
});

describe('roomyPort', () => {
  const b = entity('b', 0, 200);
  it('keeps the facing port when its stub has room', () => {
    const index = new BoxIndex([b].map((e) => ({ id: e.id, box: e.box })));
    expect(roomyPort(b, { x: 90, y: 200 }, 'top', index)).toEqual([{ x: 90, y: 200 }, 'top']);
  });

  it('moves to another side when a neighbour sits right against the facing one', () => {
    const squeezed = entity('c', 40, 128); // 8 px above b
    const index = new BoxIndex([b, squeezed].map((e) => ({ id: e.id, box: e.box })));
    expect(roomyPort(b, { x: 90, y: 200 }, 'top', index)).toEqual([{ x: 0, y: 232 }, 'left']);
  });
});
