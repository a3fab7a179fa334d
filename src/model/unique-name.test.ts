import { describe, expect, it } from 'vitest';
import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it.each([
    [[], '', 'Policy'],
    [['Policy'], '', 'Policy2'],
    [['Policy', 'Policy2', 'Policy4'], '', 'Policy3'],
    [['Other'], '', 'Policy'],
    [['Policy', 'Policy 2'], ' ', 'Policy 3'],
    [['Policy', 'Policy2'], '_', 'Policy_2'],
  ])('with %j taken (separator %j) the next name is %s', (taken, separator, expected) => {
    expect(uniqueName('Policy', taken, separator)).toBe(expected);
    expect(uniqueName('Policy', new Set(taken), separator)).toBe(expected);
  });
});
