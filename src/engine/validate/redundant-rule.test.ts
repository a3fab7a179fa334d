/** The bucketed redundant-statement check finds exactly what comparing every pair finds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../match/glob.ts';
import type { PolicyDocument } from '../types.ts';
import { validatePolicy } from './validate-policy.ts';

// The quadratic check this rule replaced, kept as the reference.
function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}
function covered(inner: string[], outer: string[], lower: boolean): boolean {
  const norm = (v: string) => (lower ? v.toLowerCase() : v);
  return inner.every((raw) => {
    const i = norm(raw);
    return outer.some((rawO) => {
      const o = norm(rawO);
      return (
        o === i ||
        o === '*' ||
        (!/[*?]/.test(i) && compileGlob(o)(i)) ||
        (o.endsWith('*') && !o.includes('?') && i.startsWith(o.slice(0, -1)))
      );
    });
  });
}
function referenceRedundant(statements: Record<string, unknown>[]): string[] {
  const parts = statements.map((s) => {
    if (s.NotAction || s.NotResource || s.NotPrincipal || s.Condition) return undefined;
    const actions = strings(s.Action);
    const resources = s.Resource === undefined ? ['*'] : strings(s.Resource);
    if (!actions?.length || !resources?.length) return undefined;
    return { actions, resources, rest: JSON.stringify([s.Effect, s.Principal ?? null]) };
  });
  const out: string[] = [];
  parts.forEach((mine, i) => {
    if (!mine) return;
    const by = parts.findIndex((other, j) => {
      if (j === i || !other || other.rest !== mine.rest) return false;
      const same =
        covered(mine.actions, other.actions, true) &&
        covered(mine.resources, other.resources, false);
      const back =
        covered(other.actions, mine.actions, true) &&
        covered(other.resources, mine.resources, false);
      return same && (!back || j < i);
    });
    if (by >= 0) out.push(`${i} by ${by + 1}`);
  });
  return out;
}

const action = fc.constantFrom(
  '*',
  's3:*',
  's3:Get*',
  's3:GetObject',
  'S3:getobject',
  's3:GetObjectAcl',
  's3:Get?bject',
  's3:PutObject',
  'ec2:*',
  'ec2:Describe*',
  'ec2:DescribeInstances',
  '*:Get*',
);
const resource = fc.constantFrom(
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/k',
  'arn:aws:s3:::b/k?',
  'arn:aws:s3:::b*',
  'arn:aws:s3:::c/k',
  'arn:aws:ec2:us-east-1:111122223333:instance/*',
);
const oneOrMany = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof(a, fc.array(a, { minLength: 1, maxLength: 3 }));
const statement = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: oneOrMany(action),
    Resource: oneOrMany(resource),
    Condition: fc.constant({ Bool: { 'aws:SecureTransport': 'true' } }),
  },
  { requiredKeys: ['Effect', 'Action'] },
);

/** Which statement starts at `offset` of a document laid out by `JSON.stringify(doc, null, 1)`. */
const statementAt = (text: string, offset: number) =>
  text.slice(0, offset + 1).split('\n  {').length - 2;

const redundantAt = (doc: PolicyDocument) =>
  validatePolicy(doc, 'identity')
    .filter((d) => d.code === 'redundant-statement')
    .map((d) => d.range.start);

describe('redundant-statement', () => {
  it('flags the same statements as comparing every pair', () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 12 }), (Statement) => {
        const text = JSON.stringify({ Version: '2012-10-17', Statement }, null, 1);
        const found = validatePolicy(text, 'identity')
          .filter((d) => d.code === 'redundant-statement')
          .map(
            (d) =>
              `${statementAt(text, d.range.start)} by ${/statement (\d+)/.exec(d.message)![1]}`,
          );
        expect(found).toEqual(referenceRedundant(Statement));
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('names the covering statement, the later of two equal ones is the redundant one', () => {
    const doc: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/k' },
        { Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
        { Sid: 'B', Effect: 'Allow', Action: 's3:getobject', Resource: 'arn:aws:s3:::b/k' },
        { Sid: 'C', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
      ],
    };
    const messages = validatePolicy(doc, 'identity')
      .filter((d) => d.code === 'redundant-statement')
      .map((d) => d.message);
    expect(messages).toEqual([
      'this statement is redundant: statement `All` already covers every request it matches',
      'this statement is redundant: statement `A` already covers every request it matches',
      'this statement is redundant: statement `All` already covers every request it matches',
    ]);
    expect(redundantAt(doc)).toHaveLength(3);
  });

  it('finds the one redundant statement among 4,000 distinct ones', () => {
    const Statement = Array.from({ length: 4_000 }, (_, i) => ({
      Effect: 'Allow',
      Action: [`s3:Get${i}`, 's3:PutObject'],
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    }));
    Statement.push({ Effect: 'Allow', Action: ['s3:Get7'], Resource: 'arn:aws:s3:::bucket-7/k' });
    expect(redundantAt({ Version: '2012-10-17', Statement })).toHaveLength(1);
  });
});
