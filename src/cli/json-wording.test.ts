// One wording per JSON syntax error: the engine's diagnostics (the editor and `rolecraft
// validate`), the model's policy reader, design and authorization-details imports and the
// CLI's input files all say the same sentence for the same broken text.
import { describe, expect, it } from 'vitest';
import { parsePolicy, validatePolicy } from '../engine/index.ts';
import { decodeDocument, readAuthzPage } from '../io/authz-details/index.ts';
import { importDesignText } from '../io/index.ts';
import { parsePolicyText } from '../model/index.ts';
import { parseJsonText } from './input.ts';

const cases: [string, string, string, number, number][] = [
  ['a missing comma', '{\n  "Version": "2012-10-17"\n  "Statement": []\n}', 'comma expected', 3, 3],
  ['a trailing comma', '{"Version": "2012-10-17",}', 'property name expected', 1, 26],
  ['a comment', '{\n  // note\n  "Version": "2012-10-17"\n}', 'comments are not allowed', 2, 3],
  ['an unclosed object', '{"Version": "2012-10-17"', 'closing brace `}` expected', 1, 25],
  ['a bare word', '{"Effect": Allow}', 'invalid symbol', 1, 12],
];

describe.each(cases)('%s', (_name, text, what, line, column) => {
  const sentence = `invalid JSON: ${what}`;
  const located = `${sentence} at line ${line}, column ${column}`;

  it('the engine (editor diagnostics, rolecraft validate) says it at its range', () => {
    const [first] = parsePolicy(text).diagnostics;
    expect(first?.message).toBe(sentence);
    expect(first?.range).toMatchObject({ startLine: line, startColumn: column });
    expect(validatePolicy(text, 'identity')[0]?.message).toBe(sentence);
  });

  it('the model’s policy reader says it', () => {
    const parsed = parsePolicyText(text);
    expect(!parsed.ok && parsed.reason).toBe(sentence);
  });

  it('the imports and the CLI say it with the line and column', () => {
    const design = importDesignText(text);
    expect(!design.ok && design.reason).toBe(`not a Rolecraft design file: ${located}`);
    const page = readAuthzPage(text, 'x.json');
    expect(!page.ok && page.reason).toBe(`x.json: ${located}`);
    const doc = decodeDocument(text);
    expect(!doc.ok && doc.reason).toBe(`the policy document is ${located}`);
    expect(() => parseJsonText(text, 'F')).toThrow(`cannot read F: ${located}`);
  });
});
