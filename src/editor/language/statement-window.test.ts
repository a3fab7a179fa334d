import { findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { cursorContext } from './cursor';
import { statementSpans, windowAround } from './statement-window';

// Statements with braces and brackets in strings, an escaped quote, a non-object element and a
// half-typed one at the end: what a person has on screen while typing.
const text = `{
  "Version": "2012-10-17",
  "Id": "x{[",
  "Statement": [
    { "Sid": "A", "Effect": "Allow", "Action": ["s3:Get*", "s3:\\"}{"], "Resource": "*" },
    5,
    {
      "Effect": "Deny",
      "Action": "iam:*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": ["a]", "b"] } }
    },
    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:Ass
  ]
}`;

describe('the statement window', () => {
  it('finds each object statement of the top-level list', () => {
    const spans = statementSpans(text).map(({ start, end }) => text.slice(start, end));
    expect(spans).toHaveLength(2);
    expect(spans[0]).toMatch(/^\{ "Sid": "A".*"Resource": "\*" \}$/);
    expect(spans[1]).toMatch(/^\{\n {6}"Effect": "Deny"[\s\S]*\n {4}\}$/);
  });

  it('keeps length and the statement around the offset, blanks the others', () => {
    const at = text.indexOf('iam:*');
    const read = windowAround(text, at, 0);
    expect(read).toHaveLength(text.length);
    expect(read).toContain('"Action": "iam:*"');
    expect(read).not.toContain('"Sid": "A"');
    expect(windowAround(text, at)).toBe(text); // small texts are read as they are
  });

  it('gives the same cursor context at every offset as reading the whole text', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const whole = cursorContext(text, offset, Infinity);
      const windowed = cursorContext(text, offset, 0);
      const { root: wholeRoot, ...wholeRest } = whole;
      const { root: windowedRoot, ...windowedRest } = windowed;
      expect(windowedRest, `at ${offset}`).toEqual(wholeRest);
      const statement = whole.path.slice(0, 2);
      if (statement[0] === 'Statement' && typeof statement[1] === 'number') {
        const a = wholeRoot && findNodeAtLocation(wholeRoot, statement);
        const b = windowedRoot && findNodeAtLocation(windowedRoot, statement);
        expect(b && getNodeValue(b), `statement at ${offset}`).toEqual(a && getNodeValue(a));
      }
      expect(windowedRoot?.children?.length).toBe(wholeRoot?.children?.length);
    }
  });
});
