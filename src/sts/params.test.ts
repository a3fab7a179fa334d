import { describe, expect, it } from 'vitest';
import { checkDuration, validateParameters } from './params.ts';
import type { AssumeRoleParams } from './types.ts';

const tag = (Key: string, Value = 'v') => ({ Key, Value });
const many = (n: number) => Array.from({ length: n }, (_, i) => tag(`k${i}`));

describe('validateParameters', () => {
  const ok: [string, AssumeRoleParams][] = [
    ['minimal', { RoleSessionName: 'ab' }],
    ['64-char name', { RoleSessionName: 'a'.repeat(64) }],
    ['every allowed name character', { RoleSessionName: 'aZ0_+=,.@-' }],
    ['external id with colon and slash', { RoleSessionName: 'ab', ExternalId: 'a:b/c' }],
    ['1224-char external id', { RoleSessionName: 'ab', ExternalId: 'x'.repeat(1224) }],
    [
      'virtual MFA ARN',
      {
        RoleSessionName: 'ab',
        SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
        TokenCode: '123456',
      },
    ],
    [
      'hardware MFA serial',
      { RoleSessionName: 'ab', SerialNumber: 'GAHT12345678', TokenCode: '000000' },
    ],
    ['source identity', { RoleSessionName: 'ab', SourceIdentity: 'alice@example.com' }],
    ['50 tags', { RoleSessionName: 'ab', Tags: many(50) }],
    ['tag with spaces and empty value', { RoleSessionName: 'ab', Tags: [tag('cost center', '')] }],
    ['unicode tag', { RoleSessionName: 'ab', Tags: [tag('équipe', 'données')] }],
    [
      'transitive key among tags, other case',
      { RoleSessionName: 'ab', Tags: [tag('Project')], TransitiveTagKeys: ['project'] },
    ],
    ['policy object', { RoleSessionName: 'ab', Policy: { Version: '2012-10-17', Statement: [] } }],
  ];
  it.each(ok)('accepts %s', (_name, params) => {
    expect(validateParameters(params)).toBeUndefined();
  });

  const bad: [string, AssumeRoleParams, string][] = [
    ['missing session name', {}, 'RoleSessionName'],
    ['1-char session name', { RoleSessionName: 'x' }, 'RoleSessionName'],
    ['65-char session name', { RoleSessionName: 'a'.repeat(65) }, 'RoleSessionName'],
    ['session name with space', { RoleSessionName: 'alice session' }, 'RoleSessionName'],
    ['session name with slash', { RoleSessionName: 'a/b' }, 'RoleSessionName'],
    ['fractional duration', { RoleSessionName: 'ab', DurationSeconds: 900.5 }, 'DurationSeconds'],
    ['1-char external id', { RoleSessionName: 'ab', ExternalId: 'x' }, 'ExternalId'],
    [
      '1225-char external id',
      { RoleSessionName: 'ab', ExternalId: 'x'.repeat(1225) },
      'ExternalId',
    ],
    ['external id with space', { RoleSessionName: 'ab', ExternalId: 'Example 987' }, 'ExternalId'],
    [
      '8-char serial',
      { RoleSessionName: 'ab', SerialNumber: 'GAHT1234', TokenCode: '123456' },
      'SerialNumber',
    ],
    [
      'serial with space',
      { RoleSessionName: 'ab', SerialNumber: 'GAHT 12345678', TokenCode: '123456' },
      'SerialNumber',
    ],
    [
      '5-digit token',
      { RoleSessionName: 'ab', SerialNumber: 'GAHT12345678', TokenCode: '12345' },
      'TokenCode',
    ],
    [
      'letters in token',
      { RoleSessionName: 'ab', SerialNumber: 'GAHT12345678', TokenCode: '12345a' },
      'TokenCode',
    ],
    ['1-char source identity', { RoleSessionName: 'ab', SourceIdentity: 'a' }, 'SourceIdentity'],
    [
      'source identity with aws: prefix',
      { RoleSessionName: 'ab', SourceIdentity: 'aws:alice' },
      'SourceIdentity',
    ],
    ['51 tags', { RoleSessionName: 'ab', Tags: many(51) }, 'Tags'],
    ['empty tag key', { RoleSessionName: 'ab', Tags: [tag('')] }, 'Tags.member.1.Key'],
    [
      '129-char tag key',
      { RoleSessionName: 'ab', Tags: [tag('k'.repeat(129))] },
      'Tags.member.1.Key',
    ],
    [
      'tag key with bad character',
      { RoleSessionName: 'ab', Tags: [tag('a*b')] },
      'Tags.member.1.Key',
    ],
    [
      'reserved tag prefix',
      { RoleSessionName: 'ab', Tags: [tag('AWS:owner')] },
      'Tags.member.1.Key',
    ],
    [
      '257-char tag value',
      { RoleSessionName: 'ab', Tags: [tag('k', 'v'.repeat(257))] },
      'Tags.member.1.Value',
    ],
    [
      'tag value with bad character',
      { RoleSessionName: 'ab', Tags: [tag('k', 'a#b')] },
      'Tags.member.1.Value',
    ],
    [
      'duplicate tag keys by case',
      { RoleSessionName: 'ab', Tags: [tag('Team'), tag('team')] },
      'Tags.member.2.Key',
    ],
    [
      'transitive key not among tags',
      { RoleSessionName: 'ab', Tags: [tag('a')], TransitiveTagKeys: ['b'] },
      'TransitiveTagKeys',
    ],
    [
      'transitive key without tags',
      { RoleSessionName: 'ab', TransitiveTagKeys: ['a'] },
      'TransitiveTagKeys',
    ],
    [
      'policy over 2048 characters',
      { RoleSessionName: 'ab', Policy: JSON.stringify({ Sid: 'x'.repeat(2050) }) },
      'Policy',
    ],
    ['policy that is not JSON', { RoleSessionName: 'ab', Policy: '{"Version":' }, 'Policy'],
  ];
  it.each(bad)('refuses %s', (_name, params, parameter) => {
    const issue = validateParameters(params);
    expect(issue?.parameter).toBe(parameter);
    expect(issue?.message).toMatch(/^[a-zA-Z]/);
    expect(issue?.message).not.toMatch(/\.$/);
  });
});

describe('checkDuration', () => {
  const cases: [number | undefined, number, boolean, number | 'error'][] = [
    [undefined, 3600, false, 3600],
    [900, 3600, false, 900],
    [899, 3600, false, 'error'],
    [3600, 3600, false, 3600],
    [3601, 3600, false, 'error'],
    [43200, 43200, false, 43200],
    [43201, 43200, false, 'error'],
    [undefined, 43200, true, 3600],
    [3600, 43200, true, 3600],
    [3601, 43200, true, 'error'],
    [5400, 43200, true, 'error'],
    [1800, 3599, false, 'error'],
    [1800, 43201, false, 'error'],
  ];
  it.each(cases)(
    'DurationSeconds %s with role maximum %s (chained %s) gives %s',
    (requested, roleMax, chained, expected) => {
      const verdict = checkDuration(requested, { roleMax, chained });
      if (expected === 'error') expect(verdict.issue).toBeDefined();
      else {
        expect(verdict.issue).toBeUndefined();
        expect(verdict.seconds).toBe(expected);
      }
    },
  );

  it('names role chaining when the cap is the reason', () => {
    expect(checkDuration(7200, { roleMax: 43200, chained: true }).issue?.message).toMatch(
      /role chaining/,
    );
  });
});
