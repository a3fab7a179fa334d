import { describe, expect, it } from 'vitest';
import { setPositions } from './entity-commands';
import { generateDesign } from './generate';
import { layoutChanges, layoutEdited } from './layout-edits';

const start = generateDesign({ nodes: 60, seed: 3 });
const [a, b, c] = Object.keys(start.layout) as [string, string, string];
const moved = (x: number) => ({ x, y: x });

describe('which entries a layout changed', () => {
  const one = setPositions(start, { positions: { [a]: moved(1) } });
  const two = setPositions(one, { positions: { [b]: moved(2) } });
  const back = setPositions(two, { positions: { [a]: start.layout[a]! } });
  const removed = { ...two.layout };
  delete removed[c];
  const cases: [string, () => string[] | undefined, string[] | undefined][] = [
    ['the same layout', () => layoutChanges(start.layout, start.layout), []],
    ['one drop', () => layoutChanges(start.layout, one.layout), [a]],
    ['two drops, followed back', () => layoutChanges(start.layout, two.layout), [a, b]],
    ['an entry moved back is no change', () => layoutChanges(start.layout, back.layout), [b]],
    [
      'a removed entry',
      () => layoutChanges(two.layout, layoutEdited(two.layout, removed, [c])),
      [c],
    ],
    [
      'backwards (not how it was made): unknown',
      () => layoutChanges(two.layout, start.layout),
      undefined,
    ],
    [
      'a copy made without recording: unknown',
      () => layoutChanges(start.layout, { ...one.layout }),
      undefined,
    ],
  ];
  it.each(cases)('%s', (_name, changes, expected) => {
    expect(changes()?.sort()).toEqual(expected?.sort());
  });
});
