import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlDocument, yamlString } from './yaml';

describe('YAML writer', () => {
  it('writes every string so that YAML reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => {
        expect(parse(`key: ${yamlString(text)}\n`)).toEqual({ key: text });
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    'true',
    'no',
    'null',
    '~',
    '123',
    '0x1f',
    '1e3',
    '2012-10-17',
    '12:30',
    '*',
    '- x',
    'a: b',
    'a #b',
    '',
  ])('quotes %j, which YAML would read as something else', (text) => {
    expect(yamlString(text)).toBe(JSON.stringify(text));
  });

  it.each(['Allow', 's3:GetObject', 'arn:aws:iam::111111111111:role/Developer', '/teams/'])(
    'leaves %j plain',
    (text) => expect(yamlString(text)).toBe(text),
  );

  it('writes nested mappings and sequences, empty ones inline', () => {
    const text = yamlDocument(['c'], {
      A: [{ B: 1, C: [] }, 'x', [true, null]],
      D: {},
      E: { F: { G: 'h' } },
    });
    expect(parse(text)).toEqual({
      A: [{ B: 1, C: [] }, 'x', [true, null]],
      D: {},
      E: { F: { G: 'h' } },
    });
    expect(text).toBe(
      '# c\nA:\n  - B: 1\n    C: []\n  - x\n  - - true\n    - null\nD: {}\nE:\n  F:\n    G: h\n',
    );
  });
});
