import { describe, expect, it } from 'vitest';
import { curveRoute, roundedPath, simplify } from './path-shape';

describe('curveRoute', () => {
  it('draws React Flow’s bezier between the ports and samples it end to end', () => {
    const route = curveRoute({
      start: { x: 90, y: 64 },
      startSide: 'bottom',
      end: { x: 90, y: 300 },
      endSide: 'top',
    });
    expect(route.path).toBe('M90,64 C90,182 90,182 90,300');
    expect(route.points[0]).toEqual({ x: 90, y: 64 });
    expect(route.points.at(-1)).toEqual({ x: 90, y: 300 });
    expect(route.routed).toBe(false);
    const { x, y, width, height } = route.window;
    expect([x, y, width, height].map(Math.round)).toEqual([85, 59, 10, 246]);
  });
});

describe('simplify', () => {
  it('drops repeated points and the middle of straight runs', () => {
    expect(
      simplify([
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 0, y: 50 },
        { x: 0, y: 100 },
        { x: 50, y: 100 },
        { x: 100, y: 100 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 100 },
      { x: 100, y: 100 },
    ]);
  });
});

describe('roundedPath', () => {
  it('rounds each corner, never by more than half of a stretch', () => {
    const corners = [
      { x: 0, y: 0 },
      { x: 0, y: 100 },
      { x: 10, y: 100 },
    ];
    expect(roundedPath(corners)).toBe('M0,0 L0,95 Q0,100 5,100 L10,100');
    expect(roundedPath([corners[0]!, corners[1]!])).toBe('M0,0 L0,100');
  });
});
