import { describe, expect, it } from 'vitest';
import { compilePolicies, evaluate, type PolicyInputs, type RequestInput } from '../index.ts';

const alice = 'arn:aws:iam::111111111111:user/alice';
const allowAll = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const explain = (request: RequestInput, policies: PolicyInputs) =>
  evaluate(request, compilePolicies(policies), { explain: true }).explanation!;

describe('explanation', () => {
  it('is only built when asked for', () => {
    expect(
      evaluate(
        { principal: alice, action: 's3:GetObject', resource: '*' },
        compilePolicies({ identity: [allowAll] }),
      ),
    ).toEqual({ decision: 'Allow' });
  });

  it('names the trust policy when it does not allow, and why each statement missed', () => {
    const e = explain(
      { principal: alice, action: 'sts:AssumeRole', resource: 'arn:aws:iam::111111111111:role/R' },
      {
        identity: [allowAll],
        resource: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      },
    );
    expect(e).toMatchObject({
      decision: 'ImplicitDeny',
      deniedBy: 'trust',
      reason: 'resource-policy-required',
      decisive: [],
    });
    const trust = e.policies.find((p) => p.kind === 'resource')!;
    expect(trust.statements[0]).toMatchObject({
      applied: false,
      mismatch: 'principal',
      principalMatched: false,
    });
  });

  it('names the SCP level without an Allow', () => {
    const scpAllow = (action: string) => [
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] },
    ];
    const e = explain(
      { principal: alice, action: 's3:GetObject', resource: '*' },
      { identity: [allowAll], scp: [scpAllow('*'), scpAllow('ec2:*')] },
    );
    expect(e).toMatchObject({
      decision: 'ImplicitDeny',
      deniedBy: 'scp',
      level: 1,
      reason: 'scp-level-without-allow',
    });
    expect(e.summary).toBe('implicitly denied: no SCP at level 2 allows the action');
    const level2 = e.policies.find((p) => p.kind === 'scp' && p.level === 1)!;
    expect(level2.statements[0]).toMatchObject({ applied: false, mismatch: 'action' });
  });

  it('points at the deny and the condition values it compared', () => {
    const e = explain(
      {
        principal: alice,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/k',
        context: { 'aws:SecureTransport': 'false' },
      },
      {
        identity: [
          {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 's3:*', Resource: '*' },
              {
                Sid: 'TlsOnly',
                Effect: 'Deny',
                Action: 's3:*',
                Resource: '*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        ],
      },
    );
    expect(e).toMatchObject({
      decision: 'ExplicitDeny',
      deniedBy: 'identity',
      decisive: [
        { kind: 'identity', policyIndex: 0, statementIndex: 1, sid: 'TlsOnly', effect: 'Deny' },
      ],
    });
    const deny = e.policies[0]!.statements[1]!;
    expect(deny.conditions[0]).toMatchObject({
      operator: 'Bool',
      key: 'aws:SecureTransport',
      matched: true,
      comparisons: [{ requestValue: 'false', policyValue: 'false', matched: true }],
    });
  });

  it('shows the derived context and which kinds are not considered', () => {
    const e = explain(
      {
        principal: 'lambda.amazonaws.com',
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::b/k',
        resourceAccount: '111111111111',
        now: '2026-01-01T00:00:00Z',
      },
      {
        identity: [allowAll],
        scp: [[allowAll]],
        resource: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: '*',
            },
          ],
        },
      },
    );
    expect(e).toMatchObject({
      decision: 'Allow',
      decidedBy: 'resource',
      reason: 'allowed-by-resource-policy',
    });
    expect(e.context).toMatchObject({
      'aws:PrincipalIsAWSService': 'true',
      'aws:PrincipalServiceName': 'lambda.amazonaws.com',
      'aws:EpochTime': '1767225600',
    });
    expect(e.policies.filter((p) => !p.considered).map((p) => p.kind)).toEqual(['scp', 'identity']);
    expect(e.policies.find((p) => p.kind === 'resource')!.statements[0]!.principalMatch).toBe(
      'service',
    );
  });
});
