import { describe, expect, it } from 'vitest';
import { parseJsonValue, setOwn } from './json-value.ts';

describe('JSON values built as JSON.parse builds them', () => {
  it.each([
    '{"__proto__": {"polluted": 1}, "a": [{"__proto__": []}], "constructor": {"prototype": 1}}',
    '[1, "x", null, true, {"toString": 1, "hasOwnProperty": 2}]',
    '{"a": 1, "a": 2}',
    '"text"',
  ])('%s', (text) => {
    const value = parseJsonValue(text);
    expect(value).toEqual(JSON.parse(text));
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps own keys and ordinary prototypes', () => {
    const value = parseJsonValue('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value.polluted).toBeUndefined();
  });

  it.each(['{"a": 1,}', '{"a": 1} // c', '', '{'])(
    'refuses %j, which is not strict JSON',
    (text) => {
      expect(parseJsonValue(text)).toBeUndefined();
    },
  );

  it('sets `__proto__` as an own property', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { polluted: 1 });
    setOwn(target, 'b', 2);
    expect(Object.entries(target)).toEqual([
      ['__proto__', { polluted: 1 }],
      ['b', 2],
    ]);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
  });
});
