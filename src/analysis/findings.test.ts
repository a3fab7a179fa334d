import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  ADMIN_DOC,
  OTHER,
  allow,
  arn,
  build,
  doc,
  trustStatement,
  type AccountBuilder,
} from './test-accounts';
import type { FindingKind } from './types';

const GH = 'token.actions.githubusercontent.com';
const ghArn = `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}`;
const ghTrust = (condition: Record<string, unknown>) =>
  trustStatement({ Federated: ghArn }, 'sts:AssumeRoleWithWebIdentity', condition);
const samlArn = `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`;

interface Case {
  kind: FindingKind;
  subject: string;
  positive: (b: AccountBuilder) => void;
  trap: string;
  negative: (b: AccountBuilder) => void;
}

const role = (b: AccountBuilder, trust: Record<string, unknown>[], policies: string[] = []) =>
  b.role('R', trust, policies);

const cases: Case[] = [
  {
    kind: 'trust-allows-anyone',
    subject: arn('role', 'R'),
    positive: (b) => void role(b, [trustStatement({ AWS: '*' })]),
    trap: 'a principal-organization condition',
    negative: (b) =>
      void role(b, [
        trustStatement({ AWS: '*' }, 'sts:AssumeRole', {
          StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' },
        }),
      ]),
  },
  {
    kind: 'cross-account-trust-without-external-id',
    subject: arn('role', 'R'),
    positive: (b) => void role(b, [trustStatement({ AWS: `arn:aws:iam::${OTHER}:root` })]),
    trap: 'an sts:ExternalId condition',
    negative: (b) =>
      void role(b, [
        trustStatement({ AWS: `arn:aws:iam::${OTHER}:root` }, 'sts:AssumeRole', {
          StringEquals: { 'sts:ExternalId': 'x-1' },
        }),
      ]),
  },
  {
    kind: 'oidc-trust-without-sub',
    subject: arn('role', 'R'),
    positive: (b) =>
      void role(b, [ghTrust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' } })]),
    trap: 'a sub pinned to one repository',
    negative: (b) =>
      void role(b, [
        ghTrust({
          StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${GH}:sub`]: 'repo:acme/app:*' },
        }),
      ]),
  },
  {
    kind: 'oidc-trust-without-audience',
    subject: arn('role', 'R'),
    positive: (b) => void role(b, [ghTrust({ StringLike: { [`${GH}:sub`]: 'repo:acme/app:*' } })]),
    trap: 'an aud condition',
    negative: (b) =>
      void role(b, [
        ghTrust({
          StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${GH}:sub`]: 'repo:acme/app:*' },
        }),
      ]),
  },
  {
    kind: 'oidc-trust-wildcard-sub',
    subject: arn('role', 'R'),
    positive: (b) =>
      void role(b, [
        ghTrust({
          StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${GH}:sub`]: 'repo:acme/*' },
        }),
      ]),
    trap: 'a wildcard inside one repository (any branch)',
    negative: (b) =>
      void role(b, [
        ghTrust({
          StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${GH}:sub`]: 'repo:acme/app:ref:refs/heads/*' },
        }),
      ]),
  },
  {
    kind: 'saml-trust-without-audience',
    subject: arn('role', 'R'),
    positive: (b) =>
      void role(b, [trustStatement({ Federated: samlArn }, 'sts:AssumeRoleWithSAML')]),
    trap: 'a SAML:aud condition',
    negative: (b) =>
      void role(b, [
        trustStatement({ Federated: samlArn }, 'sts:AssumeRoleWithSAML', {
          StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
        }),
      ]),
  },
  {
    kind: 'service-trust-without-source',
    subject: arn('role', 'R'),
    positive: (b) => void role(b, [trustStatement({ Service: 'events.amazonaws.com' })]),
    trap: 'an aws:SourceAccount condition',
    negative: (b) =>
      void role(b, [
        trustStatement({ Service: 'events.amazonaws.com' }, 'sts:AssumeRole', {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
        }),
      ]),
  },
  {
    kind: 'admin-assumable-without-mfa',
    subject: arn('role', 'R'),
    positive: (b) => {
      b.user('alice', [doc(allow('sts:AssumeRole'))], { hasMfa: true });
      role(b, [trustStatement({ AWS: `arn:aws:iam::${ACCOUNT}:root` })], [ADMIN_DOC]);
    },
    trap: 'a trust that requires MFA (even for a user who has MFA)',
    negative: (b) => {
      b.user('alice', [doc(allow('sts:AssumeRole'))], { hasMfa: true });
      role(
        b,
        [
          trustStatement({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, 'sts:AssumeRole', {
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          }),
        ],
        [ADMIN_DOC],
      );
    },
  },
  {
    kind: 'passrole-unrestricted',
    subject: arn('user', 'alice'),
    positive: (b) => void b.user('alice', [doc(allow('iam:PassRole', '*'))]),
    trap: 'an iam:PassedToService condition',
    negative: (b) =>
      void b.user('alice', [
        doc(
          allow('iam:PassRole', '*', {
            StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' },
          }),
        ),
      ]),
  },
  {
    kind: 'role-unassumable',
    subject: arn('role', 'R'),
    positive: (b) => void role(b, [trustStatement({ AWS: arn('user', 'gone') })]),
    trap: 'a service that can assume it',
    negative: (b) => void role(b, [trustStatement({ Service: 'lambda.amazonaws.com' })]),
  },
  {
    kind: 'role-unused',
    subject: arn('role', 'R'),
    positive: (b) =>
      void (role(b, [trustStatement({ Service: 'lambda.amazonaws.com' })]).observed = {
        lastUsed: '2026-01-01T00:00:00Z',
      }),
    trap: 'a role used within 90 days',
    negative: (b) =>
      void (role(b, [trustStatement({ Service: 'lambda.amazonaws.com' })]).observed = {
        lastUsed: '2026-05-01T00:00:00Z',
      }),
  },
  {
    kind: 'dangling-trust-principal',
    subject: arn('role', 'R'),
    positive: (b) => void role(b, [trustStatement({ AWS: 'AROAEXAMPLEDELETED12' })]),
    trap: 'a principal that exists',
    negative: (b) => {
      b.user('alice');
      role(b, [trustStatement({ AWS: arn('user', 'alice') })]);
    },
  },
  {
    kind: 'resource-public',
    subject: 'arn:aws:s3:::data',
    positive: (b) =>
      void b.bucket(
        'data',
        doc({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::data/*',
        }),
      ),
    trap: 'an aws:SourceVpce condition',
    negative: (b) =>
      void b.bucket(
        'data',
        doc({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::data/*',
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } },
        }),
      ),
  },
  {
    kind: 'resource-cross-account',
    subject: 'arn:aws:s3:::data',
    positive: (b) =>
      void b.bucket(
        'data',
        doc({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::data/*',
        }),
      ),
    trap: 'an account that is analysed',
    negative: (b) =>
      void b.bucket(
        'data',
        doc({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::data/*',
        }),
      ),
  },
];

const findingsOf = (b: AccountBuilder, kind: FindingKind) =>
  b.analyze().result.findings.filter((f) => f.kind === kind);

describe('findings: a positive and its trap each', () => {
  it('covers every finding kind of the format README', () => {
    expect(new Set(cases.map((c) => c.kind)).size).toBe(14);
  });

  it.each(cases)('$kind is found, naming its subject, policy and statement', (c) => {
    const found = findingsOf(build(c.positive), c.kind);
    expect(found.map((f) => f.subject)).toEqual([c.subject]);
    expect(found[0]!.policy).toBeTruthy();
    expect(found[0]!.statement).toBeDefined();
    expect(found[0]!.message).toMatch(/^[`a-z]/);
  });

  it.each(cases)('$kind is not found with $trap', (c) => {
    expect(findingsOf(build(c.negative), c.kind)).toEqual([]);
  });

  it('points a trust finding at its statement', () => {
    const b = build(
      (b) =>
        void role(b, [
          trustStatement({ Service: 'lambda.amazonaws.com' }),
          trustStatement({ AWS: '*' }),
        ]),
    );
    expect(findingsOf(b, 'trust-allows-anyone')).toMatchObject([
      { policy: 'trust', statement: 1, slot: { kind: 'trust' } },
    ]);
  });

  it('takes the instant from --now: a role unused at one instant was used at an earlier one', () => {
    const b = build(
      (b) =>
        void (role(b, [trustStatement({ Service: 'lambda.amazonaws.com' })]).observed = {
          lastUsed: '2026-01-01T00:00:00Z',
        }),
    );
    expect(
      b.analyze('2026-02-01T00:00:00Z').result.findings.filter((f) => f.kind === 'role-unused'),
    ).toEqual([]);
  });

  describe('admin-assumable-without-mfa through a chain of AssumeRole', () => {
    const chain = (firstHop: Record<string, unknown> | undefined) =>
      build((b) => {
        b.user('alice', [doc(allow('sts:AssumeRole'))]);
        b.role(
          'Hop',
          [trustStatement({ AWS: arn('user', 'alice') }, 'sts:AssumeRole', firstHop)],
          [doc(allow('sts:AssumeRole', arn('role', 'Admin')))],
        );
        b.role('Admin', [trustStatement({ AWS: arn('role', 'Hop') })], [ADMIN_DOC]);
      });
    const mfaFindings = (b: AccountBuilder) =>
      b
        .analyze()
        .result.findings.filter((f) => f.kind === 'admin-assumable-without-mfa')
        .map((f) => ({ subject: f.subject, statement: f.statement, message: f.message }));

    it('is found when every hop holds without MFA, naming the human and the chain', () => {
      expect(mfaFindings(chain(undefined))).toEqual([
        {
          subject: arn('role', 'Admin'),
          statement: 0,
          message: '`Admin` is admin and `alice` can reach it without MFA through `Hop`',
        },
      ]);
    });

    it("is not found when the chain's first hop requires MFA", () => {
      const b = chain({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
      // The chain is there (with MFA as a need of its first hop), only not without MFA.
      const reach = b
        .analyze()
        .result.reachability.find(
          (r) => r.from === arn('user', 'alice') && r.to === arn('role', 'Admin'),
        );
      expect(reach?.hops).toEqual([arn('user', 'alice'), arn('role', 'Hop'), arn('role', 'Admin')]);
      expect(reach?.needs.some((n) => /mfa/i.test(n))).toBe(true);
      expect(mfaFindings(b)).toEqual([]);
    });
  });
});
