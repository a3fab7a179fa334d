import { describe, expect, it } from 'vitest';
import { countedCharacters } from './size-rules.ts';
import { validatePolicy } from './validate-policy.ts';

const statementOf = {
  trust: {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:root' },
    Action: 'sts:AssumeRole',
  },
  identity: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
  boundary: { Effect: 'Allow', Action: 's3:*', Resource: '*' },
} as const;

/**
 * A policy of `type` whose IAM-counted size (white space not counted) is exactly `counted`:
 * the statement's Sid is padded. `indent` lays the document out with that much white space.
 */
function policyOf(type: keyof typeof statementOf, counted: number, indent?: number): string {
  const doc = (pad: number) =>
    JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Sid: 'S'.repeat(pad), ...statementOf[type] }] },
      null,
      indent,
    );
  return doc(counted - countedCharacters(doc(0)));
}

describe('IAM size quotas', () => {
  it.each([
    [
      'trust',
      2_048,
      'this trust policy has 2,049 characters (white space not counted); IAM allows at most 2,048',
    ],
    [
      'identity',
      6_144,
      'this identity (managed) policy has 6,145 characters (white space not counted); IAM allows at most 6,144',
    ],
    [
      'boundary',
      6_144,
      'this permissions boundary has 6,145 characters (white space not counted); IAM allows at most 6,144',
    ],
  ] as const)(
    'a %s policy over %i characters is an error at the document',
    (type, quota, message) => {
      const over = policyOf(type, quota + 1);
      expect(over.length).toBe(quota + 1);
      const found = validatePolicy(over, type).filter((d) => d.code === 'policy-size');
      expect(found.map((d) => [d.severity, d.message, d.range.start])).toEqual([
        ['error', message, 0],
      ]);
      expect(
        validatePolicy(policyOf(type, quota), type).filter((d) => d.code === 'policy-size'),
      ).toEqual([]);
    },
  );

  it('does not count white space, as IAM does', () => {
    const spaced = policyOf('trust', 2_048, 6);
    expect(spaced.length).toBeGreaterThan(2_100);
    expect(countedCharacters(spaced)).toBe(2_048);
    expect(validatePolicy(spaced, 'trust').some((d) => d.code === 'policy-size')).toBe(false);
    expect(
      validatePolicy(policyOf('trust', 2_049, 6), 'trust').some((d) => d.code === 'policy-size'),
    ).toBe(true);
  });

  it('a 1 MB trust policy is an error, not "no problems"', () => {
    const huge = policyOf('trust', 1_000_000);
    const found = validatePolicy(huge, 'trust').filter((d) => d.severity === 'error');
    expect(found.map((d) => d.message)).toContain(
      'this trust policy has 1,000,000 characters (white space not counted); IAM allows at most 2,048',
    );
  });

  it.each(['resource', 'scp', 'session'] as const)('a %s policy has no quota of these', (type) => {
    expect(
      validatePolicy(policyOf('identity', 7_000), type).some((d) => d.code === 'policy-size'),
    ).toBe(false);
  });
});
