import { describe, expect, it } from 'vitest';
import { assumedRoleArn, describePrincipal, describeRole } from './arn.ts';
import { isCallerProblem, mergeTags, resolveCaller, type ResolvedCaller } from './caller.ts';
import { mergeContext, mfaState, trustContext } from './context.ts';
import { A, ALICE, NOW, role, trust } from './test-fixtures.ts';
import type { AssumeRoleRequest, Caller, StsApi } from './types.ts';

const target = role('Reader', trust({ AWS: ALICE }));

function resolve(caller: Caller, api: StsApi = 'AssumeRole'): ResolvedCaller {
  const request: AssumeRoleRequest = {
    api,
    caller,
    role: target,
    params: { RoleSessionName: 'ab' },
  };
  const resolved = resolveCaller(request);
  if (isCallerProblem(resolved)) throw new Error(resolved.message);
  return resolved;
}

describe('describePrincipal', () => {
  it.each([
    [ALICE, false, 'user', 'alice'],
    [`arn:aws:iam::${A}:user/ops/carol`, false, 'user', 'carol'],
    [`arn:aws:iam::${A}:root`, false, 'root', undefined],
    [`arn:aws:iam::${A}:role/path/Deploy`, false, 'role', 'Deploy'],
    [`arn:aws:sts::${A}:assumed-role/Ops/alice`, false, 'assumed-role', 'Ops'],
    [`arn:aws:sts::${A}:federated-user/bob`, false, 'federated-user', 'bob'],
    ['lambda.amazonaws.com', false, 'service', 'lambda.amazonaws.com'],
    [
      'cognito-identity.amazonaws.com',
      true,
      'web-identity-provider',
      'cognito-identity.amazonaws.com',
    ],
    ['accounts.google.com', false, 'web-identity-provider', 'accounts.google.com'],
    [`arn:aws:iam::${A}:saml-provider/Corp`, false, 'saml-provider', 'Corp'],
    [
      `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`,
      false,
      'oidc-provider',
      'token.actions.githubusercontent.com',
    ],
  ])('%s is a %s', (text, federated, kind, name) => {
    const info = describePrincipal(text, federated);
    expect(info?.kind).toBe(kind);
    expect(info?.name).toBe(name);
  });

  it.each([
    'alice',
    'arn:aws:iam::12:user/alice',
    'arn:aws:s3:::bucket',
    `arn:aws:sts::${A}:assumed-role/Ops`,
  ])('rejects %s', (text) => {
    expect(describePrincipal(text)).toBeUndefined();
  });

  it('builds session ARNs without the role path', () => {
    const info = describeRole(`arn:aws:iam::${A}:role/team/Deploy`);
    expect(info && assumedRoleArn(info, 'run-1')).toBe(
      `arn:aws:sts::${A}:assumed-role/Deploy/run-1`,
    );
  });
});

describe('mergeTags and mergeContext', () => {
  it('lets later tags replace earlier ones whatever the case', () => {
    expect(mergeTags({ Team: 'a', env: 'x' }, { team: 'b' })).toEqual({ env: 'x', team: 'b' });
  });
  it('lets the caller context override derived keys case-insensitively', () => {
    expect(
      mergeContext(
        { 'aws:PrincipalArn': 'x', 'sts:RoleSessionName': 'y' },
        { 'aws:principalarn': 'z' },
      ),
    ).toEqual({
      'sts:RoleSessionName': 'y',
      'aws:principalarn': 'z',
    });
  });
});

describe('trustContext', () => {
  it('builds the keys of an AssumeRole by a user with MFA, tags, external id and source identity', () => {
    const caller = resolve({ principal: ALICE, tags: { dept: 'eng' } });
    const params = {
      RoleSessionName: 'alice',
      ExternalId: 'ext-1',
      SerialNumber: 'GAHT12345678',
      TokenCode: '123456',
      Tags: [{ Key: 'project', Value: 'apollo' }],
      TransitiveTagKeys: ['project'],
      SourceIdentity: 'alice',
    };
    const mfa = mfaState(caller, params, NOW);
    expect(
      trustContext({ api: 'AssumeRole', caller, params, sourceIdentity: 'alice', mfa, nowMs: NOW }),
    ).toEqual({
      'aws:PrincipalArn': ALICE,
      'aws:PrincipalAccount': A,
      'aws:PrincipalTag/dept': 'eng',
      'sts:ExternalId': 'ext-1',
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '0',
      'sts:RoleSessionName': 'alice',
      'aws:RequestTag/project': 'apollo',
      'aws:TagKeys': ['project'],
      'sts:TransitiveTagKeys': ['project'],
      'sts:SourceIdentity': 'alice',
    });
  });

  it('carries a calling session: role ARN, session tags, source identity, MFA age, token issue time', () => {
    const caller = resolve({
      principal: `arn:aws:sts::${A}:assumed-role/Ops/alice`,
      roleArn: `arn:aws:iam::${A}:role/team/Ops`,
      session: {
        tags: { project: 'apollo' },
        sourceIdentity: 'alice',
        mfaAuthenticatedAt: NOW - 600_000,
        issuedAt: NOW - 600_000,
        roleId: 'AROAEXAMPLEEXAMPLE01',
      },
    });
    const params = { RoleSessionName: 'next' };
    const context = trustContext({
      api: 'AssumeRole',
      caller,
      params,
      sourceIdentity: 'alice',
      mfa: mfaState(caller, params, NOW),
      nowMs: NOW,
    });
    expect(context).toMatchObject({
      'aws:PrincipalArn': `arn:aws:iam::${A}:role/team/Ops`,
      'aws:PrincipalTag/project': 'apollo',
      'aws:SourceIdentity': 'alice',
      'sts:SourceIdentity': 'alice',
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '600',
      'aws:TokenIssueTime': '2025-12-31T23:50:00Z',
      'aws:userid': 'AROAEXAMPLEEXAMPLE01:alice',
    });
  });

  it.each([
    [{ principal: ALICE }, undefined],
    [{ principal: `arn:aws:sts::${A}:assumed-role/Ops/alice`, session: {} }, 'false'],
  ])(
    'MFA is absent for long-term credentials and false for a session without it',
    (caller, present) => {
      const resolved = resolve(caller);
      const params = { RoleSessionName: 'ab' };
      const context = trustContext({
        api: 'AssumeRole',
        caller: resolved,
        params,
        mfa: mfaState(resolved, params, NOW),
        nowMs: NOW,
      });
      expect(context['aws:MultiFactorAuthPresent']).toBe(present);
    },
  );

  it('passes federated claims and names the provider for web identity', () => {
    const caller = resolve(
      { federated: 'accounts.google.com', context: { 'accounts.google.com:aud': 'app' } },
      'AssumeRoleWithWebIdentity',
    );
    const context = trustContext({
      api: 'AssumeRoleWithWebIdentity',
      caller,
      params: { RoleSessionName: 'web' },
      nowMs: NOW,
    });
    expect(context).toEqual({
      'aws:FederatedProvider': 'accounts.google.com',
      'sts:RoleSessionName': 'web',
      'accounts.google.com:aud': 'app',
    });
  });
});
