import { describe, expect, it } from 'vitest';
import { describeJsonSyntaxError, firstJsonSyntaxError } from './json-syntax.ts';

describe('the first JSON syntax error', () => {
  it('names it with its place', () => {
    const error = firstJsonSyntaxError('{"a": 1,\n "b"}')!;
    expect(describeJsonSyntaxError(error)).toBe('invalid JSON: colon expected at line 2, column 5');
  });

  it.each([1_001, 10_000, 100_000])(
    'does not walk text nested %i deep: it names where nesting passes 1,000 levels (found by the fuzzer)',
    (depth) => {
      const error = firstJsonSyntaxError('['.repeat(depth))!;
      expect(describeJsonSyntaxError(error)).toBe(
        'invalid JSON: nesting deeper than 1000 levels at line 1, column 1001',
      );
    },
  );

  it('is undefined for JSON', () => {
    expect(firstJsonSyntaxError('{"a": [1, 2]}')).toBeUndefined();
  });
});
