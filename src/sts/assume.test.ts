import { describe, expect, it } from 'vitest';
import { assumeRole } from './assume.ts';
import { IdGenerator } from './random.ts';
import { A, ALICE, B, NOW, allow, deny, role, trust } from './test-fixtures.ts';
import type { AssumeRoleRequest, AssumeRoleResult, Check } from './types.ts';

const run = (request: AssumeRoleRequest, seed = 'test', nowMs = NOW): AssumeRoleResult =>
  assumeRole(request, { nowMs, ids: new IdGenerator(seed) });

const reader = role('Reader', trust({ AWS: ALICE }));
const base: AssumeRoleRequest = {
  api: 'AssumeRole',
  caller: { principal: ALICE },
  role: reader,
  params: { RoleSessionName: 'alice' },
};

function failed(result: AssumeRoleResult): Check | undefined {
  return result.ok ? undefined : result.checks.find((c) => c.id === result.error.checkId);
}

describe('assumeRole outcomes', () => {
  const cases: [string, AssumeRoleRequest, string, string | undefined][] = [
    ['trust names the user', base, 'Success', undefined],
    [
      'trust names the account root, no identity allow',
      { ...base, role: role('R', trust({ AWS: `arn:aws:iam::${A}:root` })) },
      'AccessDenied',
      'caller-identity',
    ],
    [
      'trust names the account root, identity allows',
      {
        ...base,
        caller: { principal: ALICE, identityPolicies: [allow('sts:AssumeRole')] },
        role: role('R', trust({ AWS: A })),
      },
      'Success',
      undefined,
    ],
    [
      'trust names someone else',
      { ...base, role: role('R', trust({ AWS: `arn:aws:iam::${A}:user/bob` })) },
      'AccessDenied',
      'trust-principal',
    ],
    [
      'identity policy denies',
      { ...base, caller: { principal: ALICE, identityPolicies: [deny('sts:AssumeRole')] } },
      'AccessDenied',
      'caller-identity',
    ],
    [
      'cross-account without identity allow',
      { ...base, role: role('P', trust({ AWS: ALICE }), {}, B) },
      'AccessDenied',
      'caller-identity',
    ],
    [
      'boundary without sts:AssumeRole, trust naming the account',
      {
        ...base,
        caller: {
          principal: ALICE,
          identityPolicies: [allow('sts:AssumeRole')],
          permissionsBoundary: allow('s3:*'),
        },
        role: role('R', trust({ AWS: A })),
      },
      'AccessDenied',
      'caller-boundary',
    ],
    [
      'SCP denies sts:AssumeRole',
      {
        ...base,
        caller: { principal: ALICE, scp: [[allow('*')], [allow('*'), deny('sts:AssumeRole')]] },
      },
      'AccessDenied',
      'caller-scp',
    ],
    [
      'SCP level without allow',
      { ...base, caller: { principal: ALICE, scp: [[allow('*')], [allow('s3:*')]] } },
      'AccessDenied',
      'caller-scp',
    ],
    [
      'RCP denies',
      {
        ...base,
        role: {
          ...reader,
          rcp: [
            [
              {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' },
                ],
              },
            ],
          ],
        },
      },
      'AccessDenied',
      'role-rcp',
    ],
    [
      'trust condition fails',
      {
        ...base,
        role: role(
          'R',
          trust({ AWS: ALICE }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'x1' } }),
        ),
      },
      'AccessDenied',
      'trust-condition:0:StringEquals:sts:ExternalId',
    ],
    [
      'trust Deny statement',
      {
        ...base,
        role: role('R', {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' },
            { Sid: 'NoAlice', Effect: 'Deny', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' },
          ],
        }),
      },
      'AccessDenied',
      'trust-deny:1',
    ],
    [
      'root cannot assume roles',
      { ...base, caller: { principal: `arn:aws:iam::${A}:root` } },
      'AccessDenied',
      'credentials',
    ],
    [
      'federated provider on AssumeRole',
      { ...base, caller: { federated: 'accounts.google.com' } },
      'ValidationError',
      'credentials',
    ],
    [
      'ExternalId on a federated call',
      {
        ...base,
        api: 'AssumeRoleWithWebIdentity',
        caller: { federated: 'accounts.google.com' },
        params: { RoleSessionName: 'ab', ExternalId: 'xyz' },
      },
      'ValidationError',
      'parameters',
    ],
    [
      'SerialNumber without TokenCode',
      { ...base, params: { RoleSessionName: 'ab', SerialNumber: 'GAHT12345678' } },
      'AccessDenied',
      'mfa',
    ],
    [
      'malformed session policy',
      {
        ...base,
        params: {
          RoleSessionName: 'ab',
          Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] },
        },
      },
      'MalformedPolicyDocument',
      'parameters',
    ],
    [
      'bad role ARN',
      { ...base, role: { ...reader, arn: 'arn:aws:iam::111111111111:user/x' } },
      'ValidationError',
      'parameters',
    ],
  ];

  it.each(cases)('%s', (_name, request, outcome, checkId) => {
    const result = run(request);
    expect(result.ok ? 'Success' : result.error.code).toBe(outcome);
    if (checkId) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.checkId).toBe(checkId);
      expect(failed(result)?.status).toBe('fail');
    } else {
      expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
    }
  });

  it('names the failing check and the statement behind it in an AccessDenied', () => {
    const result = run({
      ...base,
      caller: {
        principal: ALICE,
        identityPolicies: [
          {
            Version: '2012-10-17',
            Statement: [{ Sid: 'Stop', Effect: 'Deny', Action: 'sts:*', Resource: '*' }],
          },
        ],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // AWS's words, then the engine's reason, and no internal check id in either.
    expect(result.error.message).toBe(
      `User: ${ALICE} is not authorized to perform: sts:AssumeRole on resource: ${base.role.arn}`,
    );
    expect(result.error.explanation).toContain('statement 1 (`Stop`) of identity policy 1');
    expect(result.error.explanation).not.toContain('caller-identity');
    expect(failed(result)?.policy).toEqual({
      type: 'identity',
      index: 0,
      statement: 0,
      sid: 'Stop',
    });
  });

  it('marks the identity side as not needed when the trust names the caller', () => {
    const result = run(base);
    expect(result.checks.find((c) => c.id === 'caller-identity')?.status).toBe('skip');
  });

  it('returns the engine explanation of each authorized action', () => {
    const result = run({
      ...base,
      params: { RoleSessionName: 'ab', SourceIdentity: 'alice' },
      role: role('R', trust({ AWS: ALICE }, ['sts:AssumeRole', 'sts:SetSourceIdentity'])),
    });
    expect(result.evaluations.map((e) => [e.action, e.decision])).toEqual([
      ['sts:AssumeRole', 'Allow'],
      ['sts:SetSourceIdentity', 'Allow'],
    ]);
    expect(result.evaluations[0]?.explanation.decidedBy).toBe('trust');
  });
});

describe('credentials and determinism', () => {
  it('shapes the response as STS does', () => {
    const result = run(base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { Credentials, AssumedRoleUser } = result.response;
    expect(Credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(Credentials.SecretAccessKey).toHaveLength(40);
    expect(Credentials.Expiration).toBe('2026-01-01T01:00:00Z');
    expect(AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/Reader/alice`);
    expect(AssumedRoleUser.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:alice$/);
    expect(result.response.PackedPolicySize).toBeUndefined();
  });

  it('gives the same credentials for the same inputs and seed, others for another seed', () => {
    const creds = (seed: string) => {
      const r = run(base, seed);
      return r.ok ? r.response.Credentials : undefined;
    };
    expect(creds('s1')).toEqual(creds('s1'));
    expect(creds('s1')?.AccessKeyId).not.toBe(creds('s2')?.AccessKeyId);
  });

  it('keeps the role id stable across sessions of the same role', () => {
    const ids = new IdGenerator('x');
    const a = assumeRole(base, { nowMs: NOW, ids });
    const b = assumeRole({ ...base, params: { RoleSessionName: 'other' } }, { nowMs: NOW, ids });
    if (!a.ok || !b.ok) throw new Error('both should succeed');
    expect(a.session.roleId).toBe(b.session.roleId);
    expect(a.response.Credentials.AccessKeyId).not.toBe(b.response.Credentials.AccessKeyId);
  });

  it('estimates PackedPolicySize when a session policy or tags are passed', () => {
    const result = run({
      ...base,
      role: role('R', trust({ AWS: ALICE }, ['sts:AssumeRole', 'sts:TagSession'])),
      params: { RoleSessionName: 'ab', Tags: [{ Key: 'team', Value: 'blue' }] },
    });
    expect(result.ok && result.response.PackedPolicySize).toBe(1);
  });
});
