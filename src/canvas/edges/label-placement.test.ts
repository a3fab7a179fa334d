import { describe, expect, it } from 'vitest';
import { CHIP, labelSize, placeLabels, type Box } from './label-placement';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxAt = (p: { x: number; y: number }, size: { width: number; height: number }) => ({
  x: p.x - size.width / 2,
  y: p.y - size.height / 2,
  ...size,
});
const down = (x: number, y1: number, y2: number) => [
  { x, y: y1 },
  { x, y: y2 },
];

describe('placeLabels', () => {
  it('keeps a label on its edge, at the middle when that is free', () => {
    const placed = placeLabels([{ id: 'e', points: down(100, 0, 200), text: 'MFA' }], []);
    expect(placed.get('e')).toEqual({ x: 100, y: 100, collapsed: false });
  });

  it('moves a label off a node that sits on the middle of its edge', () => {
    const node = { x: 50, y: 80, width: 100, height: 40 };
    const placed = placeLabels([{ id: 'e', points: down(100, 0, 300), text: 'MFA' }], [node]);
    const spot = placed.get('e')!;
    expect(spot.collapsed).toBe(false);
    expect(overlap(boxAt(spot, labelSize('MFA')), node)).toBe(false);
  });

  it('never lays two labels over each other, stacking them where edges run together', () => {
    const requests = ['ExternalId "a"', 'source account "1"', 'MFA', 'TLS only'].map((text, i) => ({
      id: `e${i}`,
      points: down(100, 0, 200),
      text,
    }));
    const placed = placeLabels(requests, []);
    const boxes = requests.map((r) => {
      const p = placed.get(r.id)!;
      return boxAt(p, p.collapsed ? CHIP : labelSize(r.text));
    });
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });

  it('collapses a label with no free place to a chip', () => {
    // Nodes cover the whole short edge except a chip-sized gap beside it.
    const wall = [
      { x: 0, y: -60, width: 300, height: 150 },
      { x: 0, y: 120, width: 300, height: 150 },
    ];
    const placed = placeLabels(
      [{ id: 'e', points: down(150, 90, 120), text: 'a long condition label' }],
      wall,
    );
    expect(placed.get('e')?.collapsed).toBe(true);
  });

  it('hides a label with no free place even for a chip, and places the others', () => {
    const wall = [{ x: 0, y: 0, width: 300, height: 300 }];
    const placed = placeLabels(
      [
        { id: 'buried', points: down(150, 100, 200), text: 'MFA' },
        { id: 'free', points: down(500, 0, 300), text: 'MFA' },
      ],
      wall,
    );
    expect(placed.get('buried')).toMatchObject({ hidden: true });
    expect(placed.get('free')).toEqual({ x: 500, y: 150, collapsed: false });
  });

  it('sizes a long label as it wraps', () => {
    expect(labelSize('x'.repeat(80)).width).toBe(256);
    expect(labelSize('x'.repeat(80)).height).toBeGreaterThan(labelSize('x').height);
  });
});
