import { describe, expect, it } from 'vitest';
import { createCatalog, type CatalogData } from '../catalog/catalog.ts';
import type { PolicyDocument, PolicyType } from '../types.ts';
import { isValidPolicy, validatePolicy } from './validate-policy.ts';

const doc = (
  statement: Record<string, unknown>,
  version: string | null = '2012-10-17',
): PolicyDocument =>
  version === null ? { Statement: [statement] } : { Version: version, Statement: [statement] };
const allowS3 = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const trust = {
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111111111111:root' },
  Action: 'sts:AssumeRole',
};
const codes = (policy: string | PolicyDocument, type: PolicyType) =>
  validatePolicy(policy, type).map((d) => d.code);

type Row = [name: string, policy: PolicyDocument | string, type: PolicyType, code: string | null];

const errors: Row[] = [
  ['JSON syntax', '{"Version": "2012-10-17", "Statement": [', 'identity', 'json-syntax'],
  ['missing Effect', doc({ Action: 's3:GetObject', Resource: '*' }), 'identity', 'missing-effect'],
  ['bad Effect', doc({ ...allowS3, Effect: 'Permit' }), 'identity', 'invalid-effect'],
  [
    'Action with NotAction',
    doc({ ...allowS3, NotAction: 's3:PutObject' }),
    'identity',
    'action-and-notaction',
  ],
  ['no Action', doc({ Effect: 'Allow', Resource: '*' }), 'identity', 'missing-action'],
  [
    'Principal in identity policy',
    doc({ ...allowS3, Principal: '*' }),
    'identity',
    'principal-not-allowed',
  ],
  ['Principal in SCP', doc({ ...allowS3, Principal: '*' }), 'scp', 'principal-not-allowed'],
  [
    'no Principal in trust policy',
    doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
    'trust',
    'missing-principal',
  ],
  ['no Principal in resource policy', doc(allowS3), 'resource', 'missing-principal'],
  [
    'NotPrincipal in trust policy',
    doc({ Effect: 'Deny', NotPrincipal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }),
    'trust',
    'notprincipal-not-allowed',
  ],
  [
    'NotPrincipal in identity policy',
    doc({ ...allowS3, NotPrincipal: '*' }),
    'identity',
    'principal-not-allowed',
  ],
  [
    'unknown operator',
    doc({ ...allowS3, Condition: { StringEqualz: { 'aws:x': 'y' } } }),
    'identity',
    'unknown-condition-operator',
  ],
  [
    'IfExists on Null',
    doc({ ...allowS3, Condition: { NullIfExists: { 'aws:x': 'true' } } }),
    'identity',
    'ifexists-on-null',
  ],
  ['bad Sid', doc({ ...allowS3, Sid: 'read s3' }), 'identity', 'invalid-sid'],
  ['bad Version', doc(allowS3, '2012-10-18'), 'identity', 'invalid-version'],
  [
    'unknown top-level key',
    { ...doc(allowS3), Statements: [] },
    'identity',
    'unknown-policy-element',
  ],
  [
    'unknown statement key',
    doc({ ...allowS3, Effects: 'Allow' }),
    'identity',
    'unknown-statement-element',
  ],
  [
    'no Resource in identity policy',
    doc({ Effect: 'Allow', Action: 's3:GetObject' }),
    'identity',
    'missing-resource',
  ],
  [
    'Resource in trust policy',
    doc({ ...trust, Resource: '*' }),
    'trust',
    'resource-in-trust-policy',
  ],
  [
    'wildcard in AWS principal',
    doc({ ...trust, Principal: { AWS: 'arn:aws:iam::111111111111:user/*' } }),
    'trust',
    'invalid-principal',
  ],
  ['RCP Allow', doc({ ...allowS3, Principal: '*' }), 'rcp', 'rcp-allow'],
  [
    'duplicate Sid',
    {
      Version: '2012-10-17',
      Statement: [
        { ...allowS3, Sid: 'A' },
        { ...allowS3, Action: 's3:PutObject', Sid: 'A' },
      ],
    },
    'identity',
    'duplicate-sid',
  ],
];

const warnings: Row[] = [
  ['no Version', doc(allowS3, null), 'identity', 'missing-version'],
  [
    'anyone may assume the role',
    doc({ ...trust, Principal: '*' }),
    'trust',
    'trust-wildcard-principal',
  ],
  [
    'variable without Version 2012-10-17',
    doc({ ...allowS3, Resource: 'arn:aws:s3:::b/${aws:username}/*' }, '2008-10-17'),
    'identity',
    'variable-needs-version',
  ],
  [
    'redundant statement',
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, allowS3],
    },
    'identity',
    'redundant-statement',
  ],
  [
    'value that is no number',
    doc({ ...allowS3, Condition: { NumericLessThan: { 's3:max-keys': 'ten' } } }),
    'identity',
    'condition-value-format',
  ],
];

describe('validatePolicy errors (what IAM rejects)', () => {
  it.each(errors)('%s', (_name, policy, type, code) => {
    const diagnostics = validatePolicy(policy, type);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    expect(isValidPolicy(diagnostics)).toBe(false);
  });
});

describe('validatePolicy warnings', () => {
  it.each(warnings)('%s', (_name, policy, type, code) => {
    const diagnostics = validatePolicy(policy, type);
    expect(diagnostics.find((d) => d.code === code)?.severity).toBe('warning');
    expect(isValidPolicy(diagnostics)).toBe(true);
  });
});

describe('validatePolicy accepts well-formed policies', () => {
  it.each([
    ['identity', doc(allowS3)],
    ['boundary', doc({ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' })],
    [
      'trust',
      doc({
        Effect: 'Allow',
        Principal: { Federated: 'accounts.google.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'accounts.google.com:aud': 'app' } },
      }),
    ],
    ['resource', doc({ ...allowS3, Principal: { AWS: '111111111111' } })],
    [
      'scp',
      doc({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
      }),
    ],
    ['rcp', doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' })],
    ['rcp', doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })],
  ] as [PolicyType, PolicyDocument][])('%s', (type, policy) => {
    expect(codes(policy, type)).toEqual([]);
  });
});

describe('diagnostic ranges and messages', () => {
  it('points at the offending text with line and column', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Permit", "Action": "s3:GetObject", "Resource": "*"}]\n}';
    const d = validatePolicy(text, 'identity').find((x) => x.code === 'invalid-effect')!;
    expect(text.slice(d.range.start, d.range.end)).toBe('"Permit"');
    expect([d.range.startLine, d.range.startColumn]).toEqual([3, 28]);
    expect(d.message).toBe('Effect `Permit` is not `Allow` or `Deny`');
  });
});

describe('catalogue warnings', () => {
  const data: CatalogData = {
    serviceKeys: ['s3', 'sts'],
    globalConditionKeys: [
      { key: 'aws:SecureTransport', type: 'Bool' },
      { key: 'aws:TagKeys', type: 'ArrayOfString' },
      { key: 'aws:PrincipalTag/tag-key', type: 'String' },
    ],
    services: [
      {
        key: 's3',
        actions: [
          {
            name: 'GetObject',
            conditionKeys: ['s3:ExistingObjectTag/${TagKey}'],
            resourceTypes: [{ name: 'object', required: true, conditionKeys: [] }],
          },
          {
            name: 'ListBucket',
            conditionKeys: ['s3:prefix', 's3:max-keys'],
            resourceTypes: [{ name: 'bucket', required: true, conditionKeys: [] }],
          },
          { name: 'ListAllMyBuckets', conditionKeys: [], resourceTypes: [] },
        ],
        resourceTypes: [
          { key: 'bucket', arn: 'arn:${Partition}:s3:::${BucketName}', conditionKeys: [] },
          {
            key: 'object',
            arn: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
            conditionKeys: [],
          },
        ],
        conditionKeys: [
          { key: 's3:prefix', type: 'String' },
          { key: 's3:max-keys', type: 'Numeric' },
          { key: 's3:ExistingObjectTag/${TagKey}', type: 'String' },
        ],
      },
    ],
  };
  const catalog = createCatalog(data);
  const warn = (statement: Record<string, unknown>) =>
    validatePolicy(doc(statement), 'identity', { catalog }).map((d) => d.code);

  it.each([
    ['unknown service', { ...allowS3, Action: 'nope:Get' }, 'unknown-service'],
    ['unknown action', { ...allowS3, Action: 's3:GetObjekt' }, 'unknown-action'],
    ['pattern matching nothing', { ...allowS3, Action: 's3:Fly*' }, 'action-matches-nothing'],
    [
      'key not applicable',
      { ...allowS3, Condition: { StringEquals: { 's3:prefix': 'x' } } },
      'condition-key-not-applicable',
    ],
    [
      'operator not fitting the type',
      { ...allowS3, Action: 's3:ListBucket', Condition: { StringEquals: { 's3:max-keys': '10' } } },
      'operator-type-mismatch',
    ],
    [
      'set operator on a single-valued key',
      { ...allowS3, Condition: { 'ForAnyValue:Bool': { 'aws:SecureTransport': 'true' } } },
      'set-operator-on-single-valued-key',
    ],
    [
      'resource of the wrong type',
      { ...allowS3, Resource: 'arn:aws:s3:::bucket-only' },
      'resource-type-mismatch',
    ],
    [
      'specific resource for a wildcard-only action',
      { ...allowS3, Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::b' },
      'resource-type-mismatch',
    ],
  ])('%s', (_name, statement, code) => {
    expect(warn(statement)).toContain(code);
  });

  it('stays quiet on a fitting policy', () => {
    expect(
      warn({
        ...allowS3,
        Resource: 'arn:aws:s3:::b/*',
        Condition: {
          StringEquals: { 's3:ExistingObjectTag/team': 'x' },
          Bool: { 'aws:SecureTransport': 'true' },
        },
      }),
    ).toEqual([]);
  });
});

describe('placeholders', () => {
  it('asks to pin a subject placeholder, at its value', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com',
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringLike: {
              'token.actions.githubusercontent.com:sub': 'repo:REPLACE-ME-OWNER/REPLACE-ME-REPO:*',
            },
          },
        },
      ],
    });
    const found = validatePolicy(text, 'trust').filter((d) => d.code === 'placeholder-value');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('pin `token.actions.githubusercontent.com:sub`');
    expect(text.slice(found[0]!.range.start, found[0]!.range.end)).toBe(
      '"repo:REPLACE-ME-OWNER/REPLACE-ME-REPO:*"',
    );
  });
});

describe('policies nested too deeply (the bad-input table)', () => {
  it.each([100, 1_000, 10_000, 100_000])('%i levels: one error at the bracket past 32', (depth) => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":${'['.repeat(depth)}"x"${']'.repeat(depth)}},"Action":"sts:AssumeRole"}]}`;
    expect(
      validatePolicy(text, 'trust').map((d) => [d.severity, d.code, d.message, d.range.start]),
    ).toEqual([
      [
        'error',
        'json-depth',
        'the policy is nested too deeply: nesting deeper than 32 levels at line 1, column 103 (IAM policies need at most 6)',
        102,
      ],
    ]);
  });
});
