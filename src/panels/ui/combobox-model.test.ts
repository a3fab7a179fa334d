import { describe, expect, it } from 'vitest';
import { comboboxRows, filterOptions, visibleWindow, type ComboboxOption } from './combobox-model';

const options: ComboboxOption[] = [
  { value: 'u1', label: 'alice (IAM user)', group: 'Users' },
  { value: 'u2', label: 'bob (IAM user)', group: 'Users' },
  { value: 's1', label: 'lambda.amazonaws.com (service)', group: 'Services' },
  { value: 'r1', label: 'Deploy (Production)' },
];

describe('filterOptions', () => {
  it.each([
    ['', ['u1', 'u2', 's1', 'r1']],
    ['   ', ['u1', 'u2', 's1', 'r1']],
    ['ALICE', ['u1']],
    ['iam user', ['u1', 'u2']],
    ['user bob', ['u2']],
    ['amazonaws.com', ['s1']],
    ['prod deploy', ['r1']],
    ['carol', []],
  ])('%j matches %j', (query, values) => {
    expect(filterOptions(options, query).map((o) => o.value)).toEqual(values);
  });
});

describe('comboboxRows', () => {
  it('puts a heading where the group changes and numbers the options', () => {
    expect(comboboxRows(options)).toEqual([
      { kind: 'group', label: 'Users' },
      { kind: 'option', option: options[0], index: 0 },
      { kind: 'option', option: options[1], index: 1 },
      { kind: 'group', label: 'Services' },
      { kind: 'option', option: options[2], index: 2 },
      { kind: 'option', option: options[3], index: 3 },
    ]);
  });
});

describe('visibleWindow', () => {
  it.each([
    // total, scrollTop, expected
    [0, 0, { start: 0, end: 0 }],
    [5, 0, { start: 0, end: 5 }],
    [10_000, 0, { start: 0, end: 15 }],
    [10_000, 280, { start: 6, end: 25 }],
    [10_000, 28 * 9_995, { start: 9_991, end: 10_000 }],
    [10_000, 28 * 20_000, { start: 9_995, end: 10_000 }],
    [10_000, -50, { start: 0, end: 15 }],
  ])('of %i rows at %i px', (total, scrollTop, expected) => {
    expect(visibleWindow(total, scrollTop, 28, 10, 4)).toEqual(expected);
  });
});
