import { describe, expect, it } from 'vitest';
import { assumeRole } from './assume.ts';
import { IdGenerator } from './random.ts';
import { A, ALICE, NOW, allow, role, trust } from './test-fixtures.ts';
import type { AssumeRoleRequest, AssumeRoleResult } from './types.ts';

const run = (request: AssumeRoleRequest, seed = 'test', nowMs = NOW): AssumeRoleResult =>
  assumeRole(request, { nowMs, ids: new IdGenerator(seed) });

const base: AssumeRoleRequest = {
  api: 'AssumeRole',
  caller: { principal: ALICE },
  role: role('Reader', trust({ AWS: ALICE })),
  params: { RoleSessionName: 'alice' },
};

describe('expiry of the calling session', () => {
  const session = {
    principal: `arn:aws:sts::${A}:assumed-role/Ops/alice`,
    identityPolicies: [allow('sts:AssumeRole')],
  };
  const target = role('Deploy', trust({ AWS: `arn:aws:iam::${A}:role/Ops` }));
  const expiration = NOW + 900_000;
  it.each([
    [NOW + 899_000, 'Success'],
    [expiration, 'ExpiredToken'],
    [expiration + 1000, 'ExpiredToken'],
  ])('a call at %s gives %s', (nowMs, outcome) => {
    const result = run(
      {
        api: 'AssumeRole',
        caller: { ...session, session: { expiration } },
        role: target,
        params: { RoleSessionName: 'deploy' },
      },
      'x',
      nowMs,
    );
    expect(result.ok ? 'Success' : result.error.code).toBe(outcome);
  });
});

describe('role chaining', () => {
  const ops = `arn:aws:sts::${A}:assumed-role/Ops/alice`;
  const target = role(
    'Deploy',
    trust({ AWS: `arn:aws:iam::${A}:role/Ops` }, [
      'sts:AssumeRole',
      'sts:TagSession',
      'sts:SetSourceIdentity',
    ]),
    { maxSessionDuration: 43200 },
  );
  const chained = (params: AssumeRoleRequest['params'], session = {}) =>
    run({
      api: 'AssumeRole',
      caller: { principal: ops, identityPolicies: [allow('sts:*')], session },
      role: target,
      params,
    });

  it.each([
    [undefined, 'Success', 3600],
    [900, 'Success', 900],
    [3600, 'Success', 3600],
    [3601, 'ValidationError', undefined],
    [43200, 'ValidationError', undefined],
  ])('DurationSeconds %s gives %s', (duration, outcome, seconds) => {
    const result = chained({ RoleSessionName: 'deploy', DurationSeconds: duration });
    expect(result.ok ? 'Success' : result.error.code).toBe(outcome);
    if (result.ok) expect((result.session.expiration - NOW) / 1000).toBe(seconds);
    else expect(result.error.message).toMatch(/role chaining/);
  });

  it('lets a user ask for the role maximum', () => {
    const result = run({
      api: 'AssumeRole',
      caller: { principal: ALICE },
      role: { ...target, trustPolicy: trust({ AWS: ALICE }) },
      params: { RoleSessionName: 'ab', DurationSeconds: 43200 },
    });
    expect(result.ok).toBe(true);
  });

  it('carries transitive tags and their transitivity, not the other tags', () => {
    const result = chained(
      {
        RoleSessionName: 'deploy',
        Tags: [{ Key: 'owner', Value: 'dana' }],
        TransitiveTagKeys: ['owner'],
      },
      { tags: { project: 'apollo', stage: 'dev' }, transitiveTagKeys: ['project'] },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.tags).toEqual({ project: 'apollo', owner: 'dana' });
    expect(result.session.transitiveTagKeys).toEqual(['project', 'owner']);
    expect(result.session.chained).toBe(true);
  });

  it('refuses to override an inherited transitive tag', () => {
    const result = chained(
      { RoleSessionName: 'deploy', Tags: [{ Key: 'Project', Value: 'gemini' }] },
      { tags: { project: 'apollo' }, transitiveTagKeys: ['project'] },
    );
    expect(!result.ok && [result.error.code, result.error.parameter]).toEqual([
      'ValidationError',
      'Tags',
    ]);
  });

  it('keeps the source identity fixed along the chain', () => {
    const kept = chained({ RoleSessionName: 'deploy' }, { sourceIdentity: 'alice' });
    expect(kept.ok && kept.response.SourceIdentity).toBe('alice');
    const same = chained(
      { RoleSessionName: 'deploy', SourceIdentity: 'alice' },
      { sourceIdentity: 'alice' },
    );
    expect(same.ok).toBe(true);
    const changed = chained(
      { RoleSessionName: 'deploy', SourceIdentity: 'mallory' },
      { sourceIdentity: 'alice' },
    );
    expect(!changed.ok && [changed.error.code, changed.error.parameter]).toEqual([
      'ValidationError',
      'SourceIdentity',
    ]);
  });

  it('needs sts:SetSourceIdentity in the next trust policy when the chain carries one', () => {
    const noSet = { ...target, trustPolicy: trust({ AWS: `arn:aws:iam::${A}:role/Ops` }) };
    const result = run({
      api: 'AssumeRole',
      caller: {
        principal: ops,
        identityPolicies: [allow('sts:*')],
        session: { sourceIdentity: 'alice' },
      },
      role: noSet,
      params: { RoleSessionName: 'deploy' },
    });
    expect(!result.ok && result.error.checkId).toBe('set-source-identity');
  });
});

describe('session tags', () => {
  const tagged = role(
    'R',
    trust({ AWS: ALICE }, ['sts:AssumeRole', 'sts:TagSession'], {
      StringEquals: { 'aws:RequestTag/team': 'blue' },
    }),
  );

  it.each([
    ['a permitted tag value', [{ Key: 'team', Value: 'blue' }], 'Success'],
    ['another tag value', [{ Key: 'team', Value: 'red' }], 'AccessDenied'],
  ])('%s', (_name, Tags, outcome) => {
    const result = run({ ...base, role: tagged, params: { RoleSessionName: 'ab', Tags } });
    expect(result.ok ? 'Success' : result.error.code).toBe(outcome);
  });

  it('summarizes sts:TagSession in one check with the layer checks behind it', () => {
    const noTag = role('R', trust({ AWS: ALICE }));
    const result = run({
      ...base,
      role: noTag,
      params: { RoleSessionName: 'ab', Tags: [{ Key: 'team', Value: 'blue' }] },
    });
    const c = result.checks.find((x) => x.id === 'tag-session');
    expect(c?.status).toBe('fail');
    expect(c?.details?.find((d) => d.kind === 'trust-principal')?.status).toBe('fail');
    expect(!result.ok && result.error.checkId).toBe('tag-session');
  });

  it('puts the tags in the trust context as aws:RequestTag and aws:TagKeys', () => {
    const keys = role(
      'R',
      trust({ AWS: ALICE }, ['sts:AssumeRole', 'sts:TagSession'], {
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] },
      }),
    );
    const ok = run({
      ...base,
      role: keys,
      params: { RoleSessionName: 'ab', Tags: [{ Key: 'team', Value: 'x' }] },
    });
    const bad = run({
      ...base,
      role: keys,
      params: { RoleSessionName: 'ab', Tags: [{ Key: 'owner', Value: 'x' }] },
    });
    expect([ok.ok, bad.ok]).toEqual([true, false]);
  });
});

describe('federation', () => {
  const google = role(
    'App',
    trust({ Federated: 'accounts.google.com' }, 'sts:AssumeRoleWithWebIdentity'),
  );
  it('returns the web identity response fields', () => {
    const result = run({
      api: 'AssumeRoleWithWebIdentity',
      caller: {
        federated: 'accounts.google.com',
        context: { 'accounts.google.com:aud': 'app-1', 'accounts.google.com:sub': '42' },
      },
      role: google,
      params: { RoleSessionName: 'web' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response).toMatchObject({
      SubjectFromWebIdentityToken: '42',
      Audience: 'app-1',
      Provider: 'accounts.google.com',
    });
    expect(result.session.federatedProvider).toBe('accounts.google.com');
  });

  it('refuses a SAML provider on AssumeRoleWithWebIdentity', () => {
    const result = run({
      api: 'AssumeRoleWithWebIdentity',
      caller: { federated: `arn:aws:iam::${A}:saml-provider/Corp` },
      role: google,
      params: { RoleSessionName: 'web' },
    });
    expect(!result.ok && result.error.code).toBe('ValidationError');
  });

  it('needs no identity policy for a federated caller', () => {
    const result = run({
      api: 'AssumeRoleWithWebIdentity',
      caller: { federated: 'accounts.google.com' },
      role: google,
      params: { RoleSessionName: 'web' },
    });
    expect(result.checks.some((c) => c.kind === 'caller-identity')).toBe(false);
  });
});
