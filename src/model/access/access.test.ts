import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StsSimulator, SimulatedClock, DEFAULT_START } from '../../sts';
import { addTrustPrincipal } from '../trust-edit';
import { sampleDesign } from '../sample';
import { fixtureDesign, trustText } from '../test-fixtures';
import type { Design, Role } from '../types';
import {
  DEFAULT_CONTEXT,
  accessSummary,
  canAssume,
  denialWords,
  canCall,
  designWorld,
  principalPolicies,
  targetPolicies,
} from '.';

const texts = (verdict: { needs: { text: string }[] }) => verdict.needs.map((n) => n.text);

const withRole = (design: Design, id: string, patch: Partial<Role>): Design => ({
  ...design,
  roles: design.roles.map((r) => (r.id === id ? { ...r, ...patch } : r)),
});

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('canAssume on the sample', () => {
  const design = sampleDesign();
  it.each([
    ['user-alice', 'role-developer', 'allowed', []],
    ['role-developer', 'role-deploy', 'conditional', ['ExternalId "rolecraft-deploy"']],
    ['service-lambda', 'role-orders-fn', 'conditional', ['source account "222222222222"']],
    [
      'idp-github',
      'role-github-deploy',
      'conditional',
      ['sub "repo:example-org/app:ref:refs/heads/main"'],
    ],
  ])('%s -> %s is %s', (source, role, status, needs) => {
    const verdict = canAssume(design, { source, role });
    expect(verdict.status).toBe(status);
    expect(texts(verdict)).toEqual(needs);
  });

  it('a cross-account user without an identity Allow is denied by the identity layer', () => {
    let changed: Design = { ...design, users: design.users.map((u) => ({ ...u, policies: [] })) };
    changed = addTrustPrincipal(changed, 'role-deploy', 'user-alice');
    const verdict = canAssume(changed, { source: 'user-alice', role: 'role-deploy' });
    expect(verdict).toMatchObject({ status: 'denied', layer: 'identity' });
    expect(verdict.reason).toMatch(/cross-account access needs the identity-based policies/);
  });

  it('names the Deny statement that decides', () => {
    const changed = withRole(design, 'role-developer', {
      trustPolicy: trustText(
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
          Action: 'sts:AssumeRole',
        },
        { Sid: 'NoOne', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
      ),
    });
    const verdict = canAssume(changed, { source: 'user-alice', role: 'role-developer' });
    expect(verdict).toMatchObject({
      status: 'denied',
      layer: 'trust',
      statement: 'statement 2 ("NoOne") of role trust policy',
    });
  });

  it('the conditional context, sent to the simulator, gets credentials', () => {
    const verdict = canAssume(design, { source: 'service-lambda', role: 'role-orders-fn' });
    const simulator = new StsSimulator({
      world: designWorld(design).world,
      clock: new SimulatedClock(DEFAULT_START),
    });
    const roleArn = 'arn:aws:iam::222222222222:role/service-role/OrdersFunctionRole';
    const params = { RoleSessionName: 'lambda' };
    expect(
      simulator.assume({ by: { principal: 'lambda.amazonaws.com' }, roleArn, params }).ok,
    ).toBe(false);
    expect(
      simulator.assume({
        by: { principal: 'lambda.amazonaws.com', context: verdict.context },
        roleArn,
        params,
      }).ok,
    ).toBe(true);
  });
});

describe('conditions a grant needs are named, not assumed', () => {
  const allowAlice = (condition: object) =>
    trustText({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: 'sts:AssumeRole',
      Condition: condition,
    });
  const design = (condition: object) => {
    const base = fixtureDesign(allowAlice(condition));
    return {
      ...base,
      users: base.users.map((u) => ({
        ...u,
        policies: [
          {
            id: 'p',
            name: 'assume',
            attachment: 'inline' as const,
            text: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
          },
        ],
      })),
    };
  };
  it.each([
    [{ Bool: { 'aws:SecureTransport': 'true' } }, ['TLS only']],
    [{ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, ['MFA']],
    [{ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, ['from IP "203.0.113.0/24"']],
    [{ StringEquals: { 'aws:PrincipalTag/team': 'ops' } }, ['tag team="ops"']],
    [{ NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } }, ['MFA within 300s']],
    [
      { DateGreaterThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
      ['after 2027-01-01T00:00:00Z'],
    ],
  ])('%j', (condition, needs) => {
    const verdict = canAssume(design(condition), { source: 'alice', role: 'target' });
    expect(verdict.status).toBe('conditional');
    expect(texts(verdict)).toEqual(needs);
  });

  it('a condition on a fact of the design cannot be supplied: denied', () => {
    const verdict = canAssume(
      design({ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:user/bob' } }),
      {
        source: 'alice',
        role: 'target',
      },
    );
    expect(verdict.status).toBe('denied');
  });
});

describe('canCall', () => {
  const sample = sampleDesign();
  const object = 'arn:aws:s3:::prod-artifacts/build.zip';
  it('a fresh Deploy session may read an object of its bucket', () => {
    expect(
      canCall(sample, { source: 'role-deploy', action: 's3:GetObject', resource: object }).status,
    ).toBe('allowed');
  });

  it('a Deny on insecure transport does not apply when SecureTransport is absent, and says when it would', () => {
    const verdict = canCall(sample, {
      source: 'role-deploy',
      action: 's3:GetObject',
      resource: object,
    });
    expect(verdict.deniedWhen.map((set) => set.map((n) => n.text))).toEqual([['TLS only']]);
  });

  it('an Allow that needs SecureTransport is conditional', () => {
    const bucket = sample.resources[0]!;
    const design: Design = {
      ...withRole(sample, 'role-deploy', { policies: [] }),
      resources: [
        {
          ...bucket,
          policy: policy({
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::222222222222:role/Deploy' },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::prod-artifacts/*',
            Condition: { Bool: { 'aws:SecureTransport': 'true' } },
          }),
        },
      ],
    };
    const verdict = canCall(design, {
      source: 'role-deploy',
      action: 's3:GetObject',
      resource: object,
    });
    expect(verdict.status).toBe('conditional');
    expect(texts(verdict)).toEqual(['TLS only']);
    expect(verdict.context).toEqual({ 'aws:SecureTransport': 'true' });
  });

  it('a user without policies is denied with the engine reason', () => {
    const design: Design = { ...sample, users: sample.users.map((u) => ({ ...u, policies: [] })) };
    const verdict = canCall(design, {
      source: 'user-alice',
      action: 's3:GetObject',
      resource: object,
    });
    expect(verdict).toMatchObject({ status: 'denied', layer: 'resource' });
  });
});

describe('policy resolution', () => {
  it('a user gets its own policies, then its groups', () => {
    const base = fixtureDesign(trustText());
    const design: Design = {
      ...base,
      groups: [
        {
          kind: 'group',
          id: 'g',
          account: 'dev',
          name: 'Admins',
          path: '/',
          policies: [{ id: 'gp', name: 'GroupPolicy', attachment: 'inline', text: policy() }],
        },
      ],
      users: base.users.map((u) => ({
        ...u,
        groups: ['g'],
        policies: [{ id: 'up', name: 'Own', attachment: 'inline', text: policy() }],
      })),
    };
    const resolved = principalPolicies(design, design.users[0]!);
    expect(resolved.identity.map((p) => [p.source.entityId, p.source.name])).toEqual([
      ['alice', 'Own'],
      ['g', 'GroupPolicy'],
    ]);
  });

  it('a role target is its trust policy; broken text is skipped with the reason', () => {
    const design = withRole(fixtureDesign(trustText()), 'target', { trustPolicy: '{' });
    const target = targetPolicies(
      design,
      design.roles.find((r) => r.id === 'target')!,
    );
    expect(target.policy).toBeUndefined();
    expect(target.skipped[0]?.reason).toMatch(/invalid JSON/);
  });
});

describe('the default request context table', () => {
  it('every row is in the README, word for word', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const row of DEFAULT_CONTEXT) {
      expect(readme).toContain(row.assumed);
      expect(readme).toContain(row.effect);
    }
  });
});

describe('a cross-account ExternalId trust: the reasons stated are the decisive ones', () => {
  const roleArn = 'arn:aws:iam::222222222222:role/Target';
  const trust = trustText({
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'ext-7f3k' } },
  });
  const identityReason = 'cross-account access needs the identity-based policies to allow too';
  const externalIdNeed = 'the role trust policy also needs ExternalId "ext-7f3k"';
  const designWith = (identityAllow: boolean): Design => {
    const design = fixtureDesign(trust);
    return identityAllow
      ? design
      : { ...design, users: design.users.map((u) => ({ ...u, policies: [] })) };
  };

  // [ExternalId sent, identity Allow, adapter status, adapter words, simulator's why (every reason), words it must not say]
  it.each([
    [true, true, 'allowed', 'allowed', undefined, []],
    [
      true,
      false,
      'denied',
      `implicitly denied: ${identityReason}`,
      ['there is no identity policy'],
      ['ExternalId', 'trust'],
    ],
    [
      false,
      true,
      'conditional',
      'allowed only with ExternalId "ext-7f3k" (sts:ExternalId)',
      ['`sts:ExternalId` is absent'],
      ['identity'],
    ],
    [
      false,
      false,
      'denied',
      `implicitly denied: ${identityReason}; ${externalIdNeed}`,
      ['`sts:ExternalId` is absent', "Caller's identity policies: there is no identity policy"],
      ['needs the role trust policy to allow'],
    ],
  ] as const)(
    'ExternalId sent: %s, identity Allow: %s -> %s',
    (sent, identityAllow, status, words, why, never) => {
      const design = designWith(identityAllow);
      const context = sent ? { 'sts:ExternalId': 'ext-7f3k' } : undefined;
      const verdict = canAssume(design, {
        source: 'alice',
        role: 'target',
        ...(context ? { context } : {}),
      });
      expect(verdict.status).toBe(status);
      expect(accessSummary(verdict)).toBe(words);
      if (status === 'denied') {
        expect(verdict.layer).toBe('identity');
        expect(denialWords(verdict)).toBe('no identity Allow');
      }
      for (const word of never) expect(verdict.reason).not.toContain(word);

      const simulator = new StsSimulator({
        world: designWorld(design).world,
        clock: new SimulatedClock(DEFAULT_START),
      });
      const result = simulator.assume({
        by: { principal: 'arn:aws:iam::111111111111:user/alice' },
        roleArn,
        params: { RoleSessionName: 'partner-upload', ...(sent ? { ExternalId: 'ext-7f3k' } : {}) },
      });
      expect(result.ok).toBe(why === undefined);
      if (result.ok || why === undefined) return;
      expect(result.error.message).toBe(
        `User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      );
      for (const part of why) expect(result.error.explanation).toContain(part);
      for (const word of never) expect(result.error.explanation).not.toContain(word);
    },
  );
});
