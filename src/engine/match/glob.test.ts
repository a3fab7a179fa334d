import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitArnUncached } from '../names/arn.ts';
import { compileArnPattern, splitArn, splitArnPattern } from './arn.ts';
import { compileGlob, referenceGlobMatch, wildcardMatches } from './glob.ts';
import { globsIntersect } from './glob-intersect.ts';

const pattern = fc
  .array(fc.constantFrom('a', 'b', '/', ':', '.', '*', '?'), { maxLength: 8 })
  .map((p) => p.join(''));
const text = fc
  .array(fc.constantFrom('a', 'b', '/', ':', '.', '*'), { maxLength: 10 })
  .map((p) => p.join(''));

describe('compiled wildcard matcher', () => {
  it('agrees with the plain reference matcher on random patterns', () => {
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(compileGlob(p)(t)).toBe(referenceGlobMatch(p, t));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['*', 'anything', true],
    ['arn:aws:s3:::media-111/*/thumbs/*', 'arn:aws:s3:::media-111/2025/06/thumbs/cover.png', true],
    ['app-?.log', 'app-12.log', false],
    ['iam:*report', 'iam:getcredentialreport', true],
    ['iam:get*', 'iam:getuser', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
  ])('%s against %s is %s', (p, t, expected) => {
    expect(compileGlob(p)(t)).toBe(expected);
  });
});

describe('ARN patterns', () => {
  it.each([
    ['arn:aws:iam::111111111111:user/ops/*', 'arn:aws:iam::111111111111:user/ops/carol', true],
    ['arn:aws:iam::111111111111:user/Bob', 'arn:aws:iam::111111111111:user/bob', false],
    ['arn:aws:sqs:*:111111111111:*', 'arn:aws:sqs:us-east-1:111111111111:orders', true],
    ['arn:aws:sqs:*:111111111111:*', 'arn:aws:sqs:us-east-1:222222222222:orders', false],
    ['*', '*', true],
    ['arn:aws:s3:::b', '*', false],
    ['arn:aws:sqs:*:111111111111:orders', 'arn:aws:sqs:us-east-1:x:111111111111:orders', false],
    ['arn:aws:sqs:us-*:*:*', 'arn:aws:sqs:us-east-1:111111111111:a:b', true],
    ['arn:aws:sqs:*:*:*', 'arn:aws:sqs:us-east-1', false],
  ])('%s against %s is %s', (p, t, expected) => {
    expect(compileArnPattern(p)(t, splitArn(t))).toBe(expected);
  });

  const arnish = fc
    .array(fc.constantFrom('arn', 'a', 'b', ':', '*', '?', 'aws', '1'), { maxLength: 12 })
    .map((p) => `arn:${p.join('')}`);

  /** Component by component on split text, as the docs describe ARN matching. */
  function reference(pattern: string, value: string): boolean {
    if (pattern === '*') return true;
    const parts = splitArnPattern(pattern);
    if (parts === null || parts.slice(0, 5).every((p) => !/[*?]/.test(p)))
      return referenceGlobMatch(pattern, value);
    const arn = splitArnUncached(value);
    return arn !== null && parts.every((p, i) => referenceGlobMatch(p, arn[i]!));
  }

  it('agree with splitting the ARN and comparing each component with the reference', () => {
    fc.assert(
      fc.property(arnish, fc.oneof(arnish, text), (p, t) => {
        expect(compileArnPattern(p)(t, splitArn(t))).toBe(reference(p, t));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('pattern intersection', () => {
  it('finds a common string exactly when the reference can confirm one', () => {
    fc.assert(
      fc.property(pattern, pattern, text, (a, b, t) => {
        if (referenceGlobMatch(a, t) && referenceGlobMatch(b, t))
          expect(globsIntersect(a, b)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(globsIntersect('arn:aws:s3:::*/x', 'arn:*:s3:::*')).toBe(true);
    expect(globsIntersect('arn:aws:s3:::b', 'arn:*:sqs:*')).toBe(false);
  });
});

describe('the shared wildcard test', () => {
  it.each([
    ['s3:Get*', 's3:GetObject', false, true],
    ['s3:get*', 'S3:GetObject', true, true],
    ['s3:get*', 'S3:GetObject', false, false],
    ['Get?bject', 'getobject', true, true],
    ['a.b', 'axb', true, false],
    ['arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x', false, false],
    ['arn:aws:s3:::b-(1)/*', 'arn:aws:s3:::b-(1)/k', false, true],
  ])('%s against %s (ignore case %s) is %s', (p, t, ignoreCase, expected) => {
    expect(wildcardMatches(p, t, ignoreCase)).toBe(expected);
  });

  const mixedPattern = fc
    .array(fc.constantFrom('a', 'A', 'b', 'B', '.', '*', '?'), { maxLength: 8 })
    .map((p) => p.join(''));
  const mixedText = fc
    .array(fc.constantFrom('a', 'A', 'b', 'B', '.'), { maxLength: 10 })
    .map((p) => p.join(''));

  it('agrees with the reference matcher, and ignores case exactly as lower-casing both sides', () => {
    fc.assert(
      fc.property(mixedPattern, mixedText, fc.boolean(), (p, t, ignoreCase) => {
        const expected = ignoreCase
          ? referenceGlobMatch(p.toLowerCase(), t.toLowerCase())
          : referenceGlobMatch(p, t);
        expect(wildcardMatches(p, t, ignoreCase)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
