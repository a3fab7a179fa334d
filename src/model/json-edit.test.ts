import { describe, expect, it } from 'vitest';
import { formattingOf, setAt } from './json-edit';

describe('the one indentation detector', () => {
  it.each([
    ['{"a":1}', true, 2, '\n'],
    ['{\n  "a": {\n    "b": 1\n  }\n}', true, 2, '\n'],
    ['{\n    "a": {\n        "b": 1\n    }\n}', true, 4, '\n'],
    // The smallest run, not the first: a first line nested deeper does not decide.
    ['{\n        "deep": 1,\n    "a": 2\n}', true, 4, '\n'],
    ['{\n\t"a": {\n\t\t"b": 1\n\t}\n}', false, 1, '\n'],
    ['{\r\n  "a": 1\r\n}', true, 2, '\r\n'],
  ])('%j indents with spaces %s, size %i, line end %j', (text, insertSpaces, tabSize, eol) => {
    expect(formattingOf(text)).toEqual({ insertSpaces, tabSize, eol });
  });

  it('edits keep the text’s own indentation', () => {
    expect(setAt('{\n\t"a": 1\n}', ['b'], 2)).toBe('{\n\t"a": 1,\n\t"b": 2\n}');
    expect(setAt('{\n    "a": 1\n}', ['b'], 2)).toBe('{\n    "a": 1,\n    "b": 2\n}');
  });
});
