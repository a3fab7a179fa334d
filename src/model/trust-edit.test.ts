import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEntity } from './lookup';
import { EMPTY_POLICY_TEXT } from './policy-text';
import type { PrincipalRef } from './principal-ref';
import { fixtureDesign, trustText } from './test-fixtures';
import { deriveTrustGraph, type TrustEdge } from './trust-edges';
import {
  addPrincipalToTrustText,
  addTrustPrincipal,
  removePrincipalsFromPolicyText,
  removeTrustPrincipal,
} from './trust-edit';
import type { Design, Role } from './types';

const targetTrust = (design: Design) => (findEntity(design, 'target') as Role).trustPolicy;
const edgesInto = (design: Design) =>
  deriveTrustGraph(design).edges.filter((e) => e.target === 'target');
/** The action follows from the principal, except for Anyone, which a rebuilt policy lets in by AssumeRole. */
const edgeKey = (e: TrustEdge) =>
  `${e.source}|${e.kind}|${e.principal.value === '*' ? '' : e.action}|${e.principal.type}:${e.principal.value}`;

describe('addTrustPrincipal', () => {
  it.each([
    ['user', 'alice', 'AWS', 'arn:aws:iam::111111111111:user/alice', 'sts:AssumeRole'],
    ['role', 'ops', 'AWS', 'arn:aws:iam::111111111111:role/Ops', 'sts:AssumeRole'],
    ['account', 'dev', 'AWS', 'arn:aws:iam::111111111111:root', 'sts:AssumeRole'],
    ['outside account', 'vendor', 'AWS', 'arn:aws:iam::333333333333:root', 'sts:AssumeRole'],
    ['anyone', 'anyone', 'AWS', '*', 'sts:AssumeRole'],
    ['service', 'lambda', 'Service', 'lambda.amazonaws.com', 'sts:AssumeRole'],
  ])('adds a %s with its action', (_kind, source, type, value, action) => {
    const design = addTrustPrincipal(fixtureDesign(EMPTY_POLICY_TEXT), 'target', source);
    expect(JSON.parse(targetTrust(design))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { [type]: value }, Action: action }],
    });
    expect(edgesInto(design).map((e) => e.source)).toEqual([source]);
  });

  // What the IAM console writes for a new role trusting each kind of provider.
  it.each([
    [
      'SAML provider',
      'okta',
      'arn:aws:iam::222222222222:saml-provider/Okta',
      'sts:AssumeRoleWithSAML',
      { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    ],
    [
      'GitHub OIDC',
      'github',
      'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
      'sts:AssumeRoleWithWebIdentity',
      {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': 'repo:REPLACE-ME-OWNER/REPLACE-ME-REPO:*',
        },
      },
    ],
    [
      'Google',
      'google',
      'accounts.google.com',
      'sts:AssumeRoleWithWebIdentity',
      {
        StringEquals: {
          'accounts.google.com:aud': '123456789012-example.apps.googleusercontent.com',
        },
      },
    ],
  ])(
    "adds a %s with its action and the console's conditions",
    (_k, source, value, action, condition) => {
      const design = addTrustPrincipal(fixtureDesign(EMPTY_POLICY_TEXT), 'target', source);
      expect(JSON.parse(targetTrust(design))).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: value },
            Action: action,
            Condition: condition,
          },
        ],
      });
      expect(edgesInto(design).map((e) => e.source)).toEqual([source]);
    },
  );

  it('joins a plain statement with the same action, keeping the text around it', () => {
    const text =
      '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {\n            "Effect": "Allow",\n            "Principal": { "AWS": "111111111111" },\n            "Action": "sts:AssumeRole"\n        }\n    ]\n}';
    const result = addPrincipalToTrustText(text, {
      type: 'Service',
      value: 'lambda.amazonaws.com',
    });
    const lines = result.split('\n');
    expect(lines.slice(0, 5)).toEqual(text.split('\n').slice(0, 5));
    expect(lines.slice(-4)).toEqual(text.split('\n').slice(-4));
    expect(lines.slice(5, 9)).toEqual([
      '            "Principal": {',
      '                "AWS": "111111111111",',
      '                "Service": "lambda.amazonaws.com"',
      '            },',
    ]);
    expect(JSON.parse(result).Statement[0].Principal).toEqual({
      AWS: '111111111111',
      Service: 'lambda.amazonaws.com',
    });
  });

  it('never joins a statement with conditions', () => {
    const text = trustText({
      Effect: 'Allow',
      Principal: { AWS: '111111111111' },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    const result = JSON.parse(
      addPrincipalToTrustText(text, { type: 'AWS', value: '333333333333' }),
    );
    expect(result.Statement).toHaveLength(2);
    expect(result.Statement[0].Principal).toEqual({ AWS: '111111111111' });
    expect(result.Statement[1]).toEqual({
      Effect: 'Allow',
      Principal: { AWS: '333333333333' },
      Action: 'sts:AssumeRole',
    });
  });

  it('turns a single string into a list', () => {
    const text = trustText({
      Effect: 'Allow',
      Principal: { AWS: '111111111111' },
      Action: 'sts:AssumeRole',
    });
    expect(
      JSON.parse(addPrincipalToTrustText(text, { type: 'AWS', value: '333333333333' })).Statement[0]
        .Principal.AWS,
    ).toEqual(['111111111111', '333333333333']);
  });

  it('wraps a single Statement object into a list', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { x: 'true' } },
      },
    });
    const parsed = JSON.parse(
      addPrincipalToTrustText(text, { type: 'AWS', value: '111111111111' }),
    );
    expect(parsed.Statement).toHaveLength(2);
  });

  it('creates Statement when missing', () => {
    expect(
      JSON.parse(addPrincipalToTrustText('{"Version":"2012-10-17"}', { type: 'AWS', value: '1' }))
        .Statement,
    ).toEqual([{ Effect: 'Allow', Principal: { AWS: '1' }, Action: 'sts:AssumeRole' }]);
  });

  it('changes nothing when the principal is already trusted', () => {
    const design = fixtureDesign(
      trustText({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    );
    expect(addTrustPrincipal(design, 'target', 'alice')).toBe(design);
  });

  it('changes nothing for a group, a resource, or text that is not JSON', () => {
    const broken = fixtureDesign('{ oops');
    expect(addTrustPrincipal(broken, 'target', 'alice')).toBe(broken);
    expect(addTrustPrincipal(broken, 'missing-role', 'alice')).toBe(broken);
  });
});

describe('removeTrustPrincipal', () => {
  const mixed = trustText(
    {
      Sid: 'People',
      Effect: 'Allow',
      Principal: {
        AWS: ['arn:aws:iam::111111111111:user/alice', 'arn:aws:iam::111111111111:role/Ops'],
      },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      Sid: 'Fn',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
    {
      Sid: 'NoAlice',
      Effect: 'Deny',
      Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
      Action: 'sts:TagSession',
    },
  );

  it('removes one principal from a list and keeps the statement', () => {
    const design = removeTrustPrincipal(fixtureDesign(mixed), 'target', 'alice');
    const parsed = JSON.parse(targetTrust(design));
    expect(parsed.Statement[0]).toEqual({
      Sid: 'People',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111111111111:role/Ops'] },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    expect(parsed.Statement[2].Sid).toBe('NoAlice');
    expect(edgesInto(design).map((e) => e.source)).toEqual(['ops', 'lambda']);
  });

  it('drops a statement whose last principal goes', () => {
    const design = removeTrustPrincipal(fixtureDesign(mixed), 'target', 'lambda');
    expect(JSON.parse(targetTrust(design)).Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'People',
      'NoAlice',
    ]);
  });

  it('leaves the text before and after the removed statement byte for byte', () => {
    const design = removeTrustPrincipal(fixtureDesign(mixed), 'target', 'lambda');
    const before = mixed.slice(0, mixed.indexOf('{\n      "Sid": "Fn"'));
    const after = mixed.slice(mixed.indexOf('    {\n      "Sid": "NoAlice"'));
    expect(targetTrust(design).startsWith(before.trimEnd())).toBe(true);
    expect(targetTrust(design).endsWith(after)).toBe(true);
  });

  it('removes every form naming an account', () => {
    const design = removeTrustPrincipal(
      fixtureDesign(
        trustText({
          Effect: 'Allow',
          Principal: {
            AWS: [
              '111111111111',
              'arn:aws:iam::111111111111:root',
              'arn:aws:iam::111111111111:user/alice',
            ],
          },
          Action: 'sts:AssumeRole',
        }),
      ),
      'target',
      'dev',
    );
    expect(JSON.parse(targetTrust(design)).Statement[0].Principal).toEqual({
      AWS: ['arn:aws:iam::111111111111:user/alice'],
    });
  });

  it('removes exactly the principal as written when given a ref', () => {
    const design = removeTrustPrincipal(
      fixtureDesign(
        trustText({
          Effect: 'Allow',
          Principal: { AWS: ['111111111111', 'arn:aws:iam::111111111111:root'] },
          Action: 'sts:AssumeRole',
        }),
      ),
      'target',
      { type: 'AWS', value: '111111111111' },
    );
    expect(JSON.parse(targetTrust(design)).Statement[0].Principal).toEqual({
      AWS: ['arn:aws:iam::111111111111:root'],
    });
  });

  it('removes Principal "*" by dropping its statement, single Statement object included', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
      },
      null,
      2,
    );
    expect(
      JSON.parse(removePrincipalsFromPolicyText(text, (p) => p.value === '*')).Statement,
    ).toEqual([]);
  });

  it('keeps a CanonicalUser entry when the modelled ones go', () => {
    const text = trustText({
      Effect: 'Allow',
      Principal: { AWS: '1', CanonicalUser: 'abc' },
      Action: 's3:GetObject',
    });
    expect(
      JSON.parse(removePrincipalsFromPolicyText(text, (p) => p.value === '1')).Statement[0]
        .Principal,
    ).toEqual({ CanonicalUser: 'abc' });
  });
});

// ---- properties --------------------------------------------------------------------------

const principalPool: PrincipalRef[] = [
  { type: 'AWS', value: 'arn:aws:iam::111111111111:user/alice' },
  { type: 'AWS', value: 'arn:aws:iam::111111111111:role/Ops' },
  { type: 'AWS', value: 'arn:aws:iam::222222222222:role/Target' },
  { type: 'AWS', value: '111111111111' },
  { type: 'AWS', value: 'arn:aws:iam::222222222222:root' },
  { type: 'AWS', value: 'arn:aws:iam::333333333333:root' },
  { type: 'AWS', value: 'arn:aws:iam::333333333333:role/Auditor' },
  { type: 'AWS', value: 'arn:aws:iam::111111111111:user/ghost' },
  { type: 'AWS', value: '*' },
  { type: 'Service', value: 'lambda.amazonaws.com' },
  { type: 'Federated', value: 'arn:aws:iam::222222222222:saml-provider/Okta' },
  { type: 'Federated', value: 'accounts.google.com' },
  {
    type: 'Federated',
    value: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
  },
];

const actionForms = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:*',
  'sts:Assume*',
  ['sts:AssumeRole', 'sts:TagSession'],
  'sts:TagSession',
];
const conditions = [
  undefined,
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { StringEquals: { 'sts:ExternalId': 'e' } },
];

const statementArb = fc.record({
  effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
  principals: fc.subarray(principalPool, { minLength: 1, maxLength: 4 }),
  action: fc.constantFrom(...actionForms),
  condition: fc.constantFrom(...conditions),
});

function toStatement(s: {
  effect: string;
  principals: PrincipalRef[];
  action: unknown;
  condition: unknown;
}) {
  const principal: Record<string, string | string[]> = {};
  for (const p of s.principals) {
    const current = principal[p.type];
    principal[p.type] =
      current === undefined
        ? p.value
        : [...(Array.isArray(current) ? current : [current]), p.value];
  }
  return {
    Effect: s.effect,
    Principal: principal,
    Action: s.action,
    ...(s.condition ? { Condition: s.condition } : {}),
  };
}

const policyArb = fc
  .array(statementArb, { maxLength: 5 })
  .map((statements) => trustText(...statements.map(toStatement)));

describe('edges and policy agree', () => {
  it('edges → policy → edges is stable', () => {
    fc.assert(
      fc.property(policyArb, (text) => {
        const first = edgesInto(fixtureDesign(text));
        let rebuilt = fixtureDesign(EMPTY_POLICY_TEXT);
        for (const edge of first) rebuilt = addTrustPrincipal(rebuilt, 'target', edge.principal);
        const second = edgesInto(rebuilt);
        expect(second.map(edgeKey).sort()).toEqual(first.map(edgeKey).sort());
        expect(second.every((e) => e.label === '' && !e.blocked)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('removing an edge removes exactly that edge', () => {
    fc.assert(
      fc.property(policyArb, fc.nat(), (text, pick) => {
        const design = fixtureDesign(text);
        const before = edgesInto(design);
        fc.pre(before.length > 0);
        const gone = before[pick % before.length]!;
        const after = edgesInto(removeTrustPrincipal(design, 'target', gone.principal));
        expect(after.map(edgeKey).sort()).toEqual(
          before
            .filter((e) => e !== gone)
            .map(edgeKey)
            .sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('adding then removing a principal restores the edge set', () => {
    fc.assert(
      fc.property(policyArb, fc.constantFrom(...principalPool), (text, principal) => {
        const design = fixtureDesign(text);
        const before = edgesInto(design);
        fc.pre(
          !before.some(
            (e) => e.principal.type === principal.type && e.principal.value === principal.value,
          ),
        );
        const added = addTrustPrincipal(design, 'target', principal);
        const after = edgesInto(removeTrustPrincipal(added, 'target', principal));
        expect(after.map(edgeKey).sort()).toEqual(before.map(edgeKey).sort());
      }),
      { numRuns: 200 },
    );
  });
});
