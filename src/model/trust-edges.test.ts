import { describe, expect, it } from 'vitest';
import { fixtureDesign, trustText } from './test-fixtures';
import { deriveTrustGraph, type TrustEdgeKind } from './trust-edges';
import { sampleDesign } from './sample';

const allow = (Principal: unknown, Action: unknown = 'sts:AssumeRole', extra: object = {}) => ({
  Effect: 'Allow',
  Principal,
  Action,
  ...extra,
});

interface Row {
  name: string;
  statements: object[];
  expect: {
    source: string;
    kind: TrustEdgeKind;
    action?: string;
    label?: string;
    blocked?: boolean;
    narrower?: boolean;
  }[];
  dangling?: string[];
}

const rows: Row[] = [
  {
    name: 'a user by ARN, cross-account',
    statements: [allow({ AWS: 'arn:aws:iam::111111111111:user/alice' })],
    expect: [{ source: 'alice', kind: 'cross-account' }],
  },
  {
    name: 'a role in the same account',
    statements: [allow({ AWS: 'arn:aws:iam::222222222222:role/Target' })],
    expect: [{ source: 'target', kind: 'same-account' }],
  },
  {
    name: 'an account by bare id',
    statements: [allow({ AWS: '111111111111' })],
    expect: [{ source: 'dev', kind: 'cross-account' }],
  },
  {
    name: 'the own account root',
    statements: [allow({ AWS: 'arn:aws:iam::222222222222:root' })],
    expect: [{ source: 'prod', kind: 'same-account' }],
  },
  {
    name: 'an unmodelled account',
    statements: [allow({ AWS: 'arn:aws:iam::333333333333:root' })],
    expect: [{ source: 'vendor', kind: 'cross-account', narrower: false }],
  },
  {
    name: 'a role of an unmodelled account',
    statements: [allow({ AWS: 'arn:aws:iam::333333333333:role/Auditor' })],
    expect: [{ source: 'vendor', kind: 'cross-account', narrower: true }],
  },
  {
    name: 'a role session',
    statements: [allow({ AWS: 'arn:aws:sts::111111111111:assumed-role/Ops/build' })],
    expect: [{ source: 'ops', kind: 'cross-account', narrower: true }],
  },
  {
    name: 'Principal "*"',
    statements: [allow('*')],
    expect: [{ source: 'anyone', kind: 'public' }],
  },
  {
    name: 'AWS "*"',
    statements: [allow({ AWS: '*' })],
    expect: [{ source: 'anyone', kind: 'public' }],
  },
  {
    name: 'a service',
    statements: [allow({ Service: 'lambda.amazonaws.com' })],
    expect: [{ source: 'lambda', kind: 'service' }],
  },
  {
    name: 'a service in other case',
    statements: [allow({ Service: 'Lambda.amazonaws.com' })],
    expect: [{ source: 'lambda', kind: 'service' }],
  },
  {
    name: 'a SAML provider',
    statements: [
      allow(
        { Federated: 'arn:aws:iam::222222222222:saml-provider/Okta' },
        'sts:AssumeRoleWithSAML',
        { Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } },
      ),
    ],
    expect: [
      {
        source: 'okta',
        kind: 'federated',
        action: 'sts:AssumeRoleWithSAML',
        label: 'SAML aud "https://signin.aws.amazon.com/saml"',
      },
    ],
  },
  {
    name: 'Google by host',
    statements: [allow({ Federated: 'accounts.google.com' }, 'sts:AssumeRoleWithWebIdentity')],
    expect: [{ source: 'google', kind: 'federated', action: 'sts:AssumeRoleWithWebIdentity' }],
  },
  {
    name: 'GitHub by provider ARN with aud and sub',
    statements: [
      allow(
        {
          Federated: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
        },
        'sts:AssumeRoleWithWebIdentity',
        {
          Condition: {
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' },
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          },
        },
      ),
    ],
    expect: [
      {
        source: 'github',
        kind: 'federated',
        label: 'sub "repo:org/app:*", aud "sts.amazonaws.com"',
      },
    ],
  },
  {
    name: 'a federated principal without its action',
    statements: [allow({ Federated: 'accounts.google.com' })],
    expect: [],
  },
  {
    name: 'an AWS principal with a web identity action only',
    statements: [allow({ AWS: '111111111111' }, 'sts:AssumeRoleWithWebIdentity')],
    expect: [],
  },
  {
    name: 'sts:* covers AssumeRole',
    statements: [allow({ AWS: '111111111111' }, 'sts:*')],
    expect: [{ source: 'dev', kind: 'cross-account' }],
  },
  {
    name: 'NotAction not naming AssumeRole',
    statements: [
      { Effect: 'Allow', Principal: { AWS: '111111111111' }, NotAction: 'sts:TagSession' },
    ],
    expect: [{ source: 'dev', kind: 'cross-account' }],
  },
  {
    name: 'NotAction naming AssumeRole',
    statements: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, NotAction: 'sts:Assume*' }],
    expect: [],
  },
  {
    name: 'a Deny alone draws nothing',
    statements: [{ Effect: 'Deny', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }],
    expect: [],
  },
  {
    name: 'MFA condition',
    statements: [
      allow({ AWS: 'arn:aws:iam::111111111111:user/alice' }, 'sts:AssumeRole', {
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    ],
    expect: [{ source: 'alice', kind: 'cross-account', label: 'MFA' }],
  },
  {
    name: 'ExternalId and source ARN',
    statements: [
      allow({ AWS: '333333333333' }, 'sts:AssumeRole', {
        Condition: {
          StringEquals: { 'sts:ExternalId': 'x1' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b' },
        },
      }),
    ],
    expect: [
      {
        source: 'vendor',
        kind: 'cross-account',
        label: 'ExternalId "x1", source ARN "arn:aws:s3:::b"',
      },
    ],
  },
  {
    name: 'principal tag',
    statements: [
      allow({ AWS: '111111111111' }, 'sts:AssumeRole', {
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
      }),
    ],
    expect: [{ source: 'dev', kind: 'cross-account', label: 'tag team="ops"' }],
  },
  {
    name: 'two grants, one without condition',
    statements: [
      allow({ AWS: '111111111111' }, 'sts:AssumeRole', {
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
      allow({ AWS: '111111111111' }, ['sts:AssumeRole', 'sts:TagSession']),
    ],
    expect: [{ source: 'dev', kind: 'cross-account', label: '' }],
  },
  {
    name: 'two conditional grants',
    statements: [
      allow({ AWS: '111111111111' }, 'sts:AssumeRole', {
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
      allow({ AWS: '111111111111' }, 'sts:AssumeRole', {
        Condition: { StringEquals: { 'sts:ExternalId': 'e' } },
      }),
    ],
    expect: [{ source: 'dev', kind: 'cross-account', label: 'MFA or ExternalId "e"' }],
  },
  {
    name: 'an unconditional Deny blocks',
    statements: [
      allow({ AWS: 'arn:aws:iam::111111111111:user/alice' }),
      { Effect: 'Deny', Principal: { AWS: '111111111111' }, Action: 'sts:*' },
    ],
    expect: [{ source: 'alice', kind: 'cross-account', blocked: true }],
  },
  {
    name: 'a Deny of another principal does not block',
    statements: [
      allow({ AWS: 'arn:aws:iam::111111111111:user/alice' }),
      {
        Effect: 'Deny',
        Principal: { AWS: 'arn:aws:iam::111111111111:role/Ops' },
        Action: 'sts:AssumeRole',
      },
    ],
    expect: [{ source: 'alice', kind: 'cross-account', blocked: false }],
  },
  {
    name: 'a Deny of another action does not block',
    statements: [
      allow({ AWS: '111111111111' }),
      { Effect: 'Deny', Principal: '*', Action: 'sts:TagSession' },
    ],
    expect: [{ source: 'dev', kind: 'cross-account', blocked: false }],
  },
  {
    name: 'two principals in one statement',
    statements: [
      allow({
        AWS: ['arn:aws:iam::111111111111:user/alice', 'arn:aws:iam::111111111111:role/Ops'],
        Service: 'lambda.amazonaws.com',
      }),
    ],
    expect: [
      { source: 'alice', kind: 'cross-account' },
      { source: 'ops', kind: 'cross-account' },
      { source: 'lambda', kind: 'service' },
    ],
  },
  {
    name: 'a missing user is dangling',
    statements: [allow({ AWS: 'arn:aws:iam::111111111111:user/bob' })],
    expect: [],
    dangling: ['arn:aws:iam::111111111111:user/bob'],
  },
  {
    name: 'a missing service is dangling',
    statements: [allow({ Service: 'ec2.amazonaws.com' })],
    expect: [],
    dangling: ['ec2.amazonaws.com'],
  },
];

describe('deriveTrustGraph', () => {
  it.each(rows)('$name', (row) => {
    const graph = deriveTrustGraph(fixtureDesign(trustText(...row.statements)));
    const edges = graph.edges.filter((e) => e.target === 'target');
    expect(edges.map((e) => ({ source: e.source, kind: e.kind }))).toEqual(
      row.expect.map((x) => ({ source: x.source, kind: x.kind })),
    );
    row.expect.forEach((x, i) => {
      const edge = edges[i]!;
      if (x.action) expect(edge.action).toBe(x.action);
      if (x.label !== undefined) expect(edge.label).toBe(x.label);
      if (x.blocked !== undefined) expect(edge.blocked).toBe(x.blocked);
      if (x.narrower !== undefined) expect(edge.narrower).toBe(x.narrower);
    });
    expect(graph.dangling.map((d) => d.principal.value)).toEqual(row.dangling ?? []);
  });

  it('marks a conditional Deny as denied-when, not blocked', () => {
    const design = fixtureDesign(
      trustText(allow({ AWS: '111111111111' }), {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    );
    const [edge] = deriveTrustGraph(design).edges.filter((e) => e.target === 'target');
    expect(edge?.blocked).toBe(false);
    expect(edge?.deniedWhen.map((set) => set.map((c) => c.text))).toEqual([['no MFA']]);
  });

  it('gives stable ids, numbered when two principals map to one node', () => {
    const design = fixtureDesign(
      trustText(allow({ AWS: ['111111111111', 'arn:aws:iam::111111111111:root'] })),
    );
    expect(deriveTrustGraph(design).edges.map((e) => e.id)).toEqual([
      'trust:target:dev',
      'trust:target:dev:2',
    ]);
  });

  it('draws nothing for a trust policy that is not JSON', () => {
    expect(deriveTrustGraph(fixtureDesign('{ "Statement": [')).edges).toEqual([]);
  });

  it('derives the sample design edges', () => {
    const edges = deriveTrustGraph(sampleDesign()).edges.map((e) => [
      e.source,
      e.target,
      e.kind,
      e.label,
    ]);
    expect(edges).toEqual([
      ['user-alice', 'role-developer', 'same-account', 'MFA'],
      ['role-developer', 'role-deploy', 'cross-account', 'ExternalId "rolecraft-deploy"'],
      ['service-lambda', 'role-orders-fn', 'service', 'source account "222222222222"'],
      [
        'idp-github',
        'role-github-deploy',
        'federated',
        'aud "sts.amazonaws.com", sub "repo:example-org/app:ref:refs/heads/main"',
      ],
    ]);
  });
});
