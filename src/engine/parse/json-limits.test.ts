import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_POLICY_DEPTH,
  scanJsonDepth,
  scanValidJsonDepth,
  scanValueDepth,
} from './json-limits.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('scanValidJsonDepth', () => {
  // Strings that hide brackets, quotes and runs of backslashes: the cases a quote search can miss.
  const tricky = fc.stringMatching(/^[\\"[\]{}a\n]{0,8}$/);
  const value = fc.letrec((tie) => ({
    any: fc.oneof(
      { depthSize: 'small' },
      tricky,
      fc.integer(),
      fc.constant(null),
      fc.array(tie('any'), { maxLength: 3 }),
      fc.dictionary(tricky, tie('any'), { maxKeys: 3 }),
    ),
  })).any;

  it('answers as scanJsonDepth does on every valid JSON text', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), fc.boolean(), (v, limit, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(scanValidJsonDepth(text, limit)).toEqual(scanJsonDepth(text, limit));
      }),
      { numRuns: 500 },
    );
  });

  it.each([100, 100_000])('refuses %i levels where scanJsonDepth does', (depth) => {
    expect(scanValidJsonDepth(nested(depth), MAX_POLICY_DEPTH)).toEqual(
      scanJsonDepth(nested(depth), MAX_POLICY_DEPTH),
    );
  });

  it('ignores brackets after escaped quotes and backslashes', () => {
    const text = JSON.stringify({ a: `\\"${'['.repeat(50)}\\`, b: [[1]] });
    expect(scanValidJsonDepth(text, 3)).toBeUndefined();
    expect(scanValidJsonDepth(text, 2)).toEqual(scanJsonDepth(text, 2));
  });
});

describe('scanJsonDepth', () => {
  it.each([100, 1_000, 10_000, 100_000])(
    'refuses %i levels at the bracket that crosses the limit',
    (depth) => {
      expect(scanJsonDepth(nested(depth), MAX_POLICY_DEPTH)).toEqual({
        offset: 32,
        line: 1,
        column: 33,
        limit: 32,
        message: 'nesting deeper than 32 levels at line 1, column 33',
      });
    },
  );

  it('accepts nesting up to the limit', () => {
    expect(scanJsonDepth(nested(32), 32)).toBeUndefined();
  });

  it.each([
    ['brackets inside strings', `{"a": "${'['.repeat(100)}"}`],
    ['escaped quotes inside strings', `{"a": "\\"${'{'.repeat(100)}"}`],
    ['closing brackets first', `${']'.repeat(100)}[[]]`],
  ])('ignores %s', (_name, text) => {
    expect(scanJsonDepth(text, 3)).toBeUndefined();
  });

  it('counts lines and columns', () => {
    expect(scanJsonDepth('{\n  "a": {\n    "b": [[]]}}', 3)).toMatchObject({ line: 3, column: 11 });
  });
});

describe('scanValueDepth', () => {
  it('finds a reference cycle with its path', () => {
    const role: Record<string, unknown> = { id: 'r' };
    role.self = { back: role };
    expect(scanValueDepth({ roles: [role] }, 64, 'design')).toEqual({
      kind: 'cycle',
      path: 'design.roles[0].self.back',
      message:
        '`design.roles[0].self.back` refers back to one of its own containers (a reference cycle)',
    });
  });

  it('finds nesting deeper than the limit without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(scanValueDepth({ a: deep }, 64, 'design')).toMatchObject({ kind: 'depth' });
  });

  it('walks a shared (not cyclic) value once and accepts it', () => {
    let shared: unknown[] = [];
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    expect(scanValueDepth({ a: shared, b: shared }, 64)).toBeUndefined();
  });
});
