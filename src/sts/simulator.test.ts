import { describe, expect, it } from 'vitest';
import { StsSimulator } from './simulator.ts';
import { A, ALICE, allow, role, trust } from './test-fixtures.ts';
import type { StsWorld } from './world.ts';

const lake = role(
  'Lake',
  trust({ AWS: ALICE }, ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']),
  {
    identityPolicies: [
      allow([
        's3:GetObject',
        's3:ListBucket',
        'sts:AssumeRole',
        'sts:TagSession',
        'sts:SetSourceIdentity',
      ]),
    ],
    maxSessionDuration: 7200,
    tags: { team: 'data' },
  },
);
const audit = role(
  'Audit',
  trust({ AWS: lake.arn }, ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession']),
  {
    identityPolicies: [
      allow('s3:GetObject', '*', {
        Condition: {
          StringEquals: { 'aws:PrincipalTag/project': 'apollo', 'aws:SourceIdentity': 'alice' },
        },
      }),
    ],
  },
);
const world: StsWorld = {
  principals: [{ arn: ALICE, identityPolicies: [] }],
  roles: [lake, audit],
  resources: [
    {
      arn: 'arn:aws:s3:::drop/report.csv',
      account: A,
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'data' } },
          },
        ],
      },
    },
  ],
};
const OBJECT = 'arn:aws:s3:::lake/part-1.parquet';

function simulator(seed = 'seed') {
  return new StsSimulator({ world, seed });
}

describe('StsSimulator sessions', () => {
  it('works before Expiration and gives ExpiredToken at and after it', () => {
    const sim = simulator();
    const r = sim.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'sess', DurationSeconds: 900 },
    });
    if (!r.ok) throw new Error(r.error.message);
    const by = { accessKeyId: r.session.accessKeyId };
    sim.clock.advance(899);
    expect(sim.call(by, { action: 's3:GetObject', resource: OBJECT }).outcome).toBe('Allow');
    sim.clock.advance(1);
    expect(sim.call(by, { action: 's3:GetObject', resource: OBJECT }).outcome).toBe('ExpiredToken');
    expect(sim.sessions.status(by.accessKeyId, sim.clock.now())).toBe('expired');
  });

  it('gives fresh credentials when the role is assumed again', () => {
    const sim = simulator();
    const first = sim.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'sess', DurationSeconds: 900 },
    });
    sim.clock.advance(1000);
    const second = first.ok ? sim.reassume(first.session.accessKeyId) : undefined;
    if (!first.ok || !second?.ok) throw new Error('both assumes should succeed');
    expect(second.response.Credentials.AccessKeyId).not.toBe(
      first.response.Credentials.AccessKeyId,
    );
    expect(second.session.expiration - first.session.expiration).toBe(1_000_000);
    expect(
      sim.call(
        { accessKeyId: second.session.accessKeyId },
        { action: 's3:GetObject', resource: OBJECT },
      ).outcome,
    ).toBe('Allow');
  });

  it('evaluates session calls with the role policies intersected with the session policy', () => {
    const sim = simulator();
    const r = sim.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'sess', Policy: allow('s3:ListBucket') },
    });
    if (!r.ok) throw new Error(r.error.message);
    const by = { accessKeyId: r.session.accessKeyId };
    expect(sim.call(by, { action: 's3:ListBucket', resource: 'arn:aws:s3:::lake' }).outcome).toBe(
      'Allow',
    );
    expect(sim.call(by, { action: 's3:GetObject', resource: OBJECT }).outcome).toBe('ImplicitDeny');
  });

  it('carries role tags, session tags and source identity into calls and down a chain', () => {
    const sim = simulator();
    const first = sim.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: {
        RoleSessionName: 'alice',
        SourceIdentity: 'alice',
        Tags: [{ Key: 'project', Value: 'apollo' }],
        TransitiveTagKeys: ['project'],
      },
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(
      sim.call(
        { accessKeyId: first.session.accessKeyId },
        { action: 's3:GetObject', resource: 'arn:aws:s3:::drop/report.csv' },
      ).outcome,
    ).toBe('Allow');
    const second = sim.assume({
      by: { accessKeyId: first.session.accessKeyId },
      roleArn: audit.arn,
      params: { RoleSessionName: 'audit' },
    });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.session.chain).toEqual([
      ALICE,
      first.session.assumedRoleArn,
      second.session.assumedRoleArn,
    ]);
    expect(second.session).toMatchObject({
      sourceIdentity: 'alice',
      tags: { project: 'apollo' },
      chained: true,
    });
    expect(
      sim.call(
        { accessKeyId: second.session.accessKeyId },
        { action: 's3:GetObject', resource: OBJECT },
      ).outcome,
    ).toBe('Allow');
  });

  it('caps a chained session at one hour even when the role allows two', () => {
    const sim = simulator();
    const first = sim.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'aa', DurationSeconds: 7200 },
    });
    if (!first.ok) throw new Error(first.error.message);
    const chained = sim.assume({
      by: { accessKeyId: first.session.accessKeyId },
      roleArn: lake.arn,
      params: { RoleSessionName: 'bb', DurationSeconds: 7200 },
    });
    expect(!chained.ok && chained.error.code).toBe('ValidationError');
  });

  it('refuses unknown access keys and calls by identity-provider users', () => {
    const sim = simulator();
    expect(
      sim.call(
        { accessKeyId: 'ASIA0000000000000000' },
        { action: 's3:GetObject', resource: OBJECT },
      ).outcome,
    ).toBe('InvalidClientTokenId');
    const r = sim.assume({
      by: { accessKeyId: 'ASIA0000000000000000' },
      roleArn: lake.arn,
      params: { RoleSessionName: 'x1' },
    });
    expect(!r.ok && r.error.code).toBe('InvalidClientTokenId');
    expect(
      sim.call({ federated: 'accounts.google.com' }, { action: 's3:GetObject', resource: OBJECT })
        .outcome,
    ).toBe('InvalidClientTokenId');
  });

  it('denies assuming a role that does not exist', () => {
    const r = simulator().assume({
      by: { principal: ALICE },
      roleArn: `arn:aws:iam::${A}:role/Nope`,
      params: { RoleSessionName: 'x1' },
    });
    expect(!r.ok && r.error.code).toBe('AccessDenied');
  });
});

describe('StsSimulator event log', () => {
  function scenario(seed: string) {
    const sim = simulator(seed);
    const r = sim.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'sess', DurationSeconds: 900 },
    });
    if (!r.ok) throw new Error(r.error.message);
    sim.call({ accessKeyId: r.session.accessKeyId }, { action: 's3:GetObject', resource: OBJECT });
    sim.call({ accessKeyId: r.session.accessKeyId }, { action: 's3:PutObject', resource: OBJECT });
    sim.clock.advance(3600);
    sim.call({ accessKeyId: r.session.accessKeyId }, { action: 's3:GetObject', resource: OBJECT });
    sim.assume({ by: { principal: ALICE }, roleArn: lake.arn, params: { RoleSessionName: 'xx' } });
    return sim;
  }

  it('records every STS and API call as a CloudTrail event', () => {
    const events = scenario('e').log.events();
    expect(events.map((e) => [e.eventSource, e.eventName, e.errorCode ?? null])).toEqual([
      ['sts.amazonaws.com', 'AssumeRole', null],
      ['s3.amazonaws.com', 'GetObject', null],
      ['s3.amazonaws.com', 'PutObject', 'AccessDenied'],
      ['s3.amazonaws.com', 'GetObject', 'ExpiredToken'],
      ['sts.amazonaws.com', 'AssumeRole', null],
    ]);
    const [assumed, got] = events;
    expect(assumed?.userIdentity).toMatchObject({
      type: 'IAMUser',
      arn: ALICE,
      accountId: A,
      userName: 'alice',
    });
    expect(assumed?.requestParameters).toEqual({
      roleArn: lake.arn,
      roleSessionName: 'sess',
      durationSeconds: 900,
    });
    expect(assumed?.responseElements).toMatchObject({
      assumedRoleUser: { arn: `arn:aws:sts::${A}:assumed-role/Lake/sess` },
    });
    expect(JSON.stringify(assumed?.responseElements)).not.toMatch(/secret/i);
    expect(got?.userIdentity).toMatchObject({
      type: 'AssumedRole',
      sessionContext: { sessionIssuer: { arn: lake.arn, userName: 'Lake' } },
    });
    expect(got?.eventTime).toBe('2026-01-01T00:00:00Z');
    expect(got?.readOnly).toBe(true);
  });

  it('exports JSON Lines, one parseable event per line, the same for the same seed', () => {
    const text = scenario('j').log.toJsonLines();
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => (JSON.parse(l) as { eventName: string }).eventName)[0]).toBe(
      'AssumeRole',
    );
    expect(scenario('j').log.toJsonLines()).toBe(text);
    expect(scenario('k').log.toJsonLines()).not.toBe(text);
  });

  it('replays identically after reset', () => {
    const sim = simulator('r');
    const run = () => {
      sim.reset('2026-01-01T00:00:00Z');
      sim.assume({
        by: { principal: ALICE },
        roleArn: lake.arn,
        params: { RoleSessionName: 'sess' },
      });
      sim.clock.advance(60);
      sim.call({ principal: ALICE }, { action: 's3:GetObject', resource: OBJECT });
      return sim.log.toJsonLines();
    };
    const first = run();
    expect(run()).toBe(first);
    expect(sim.sessions.size).toBe(1);
  });

  it('gives the same credentials whatever calls were logged in between', () => {
    const quiet = simulator('q');
    const busy = simulator('q');
    const a1 = quiet.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'a1' },
    });
    const b1 = busy.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'a1' },
    });
    if (!b1.ok) throw new Error(b1.error.message);
    busy.call(
      { accessKeyId: b1.session.accessKeyId },
      { action: 's3:GetObject', resource: OBJECT },
    );
    const a2 = quiet.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'a2' },
    });
    const b2 = busy.assume({
      by: { principal: ALICE },
      roleArn: lake.arn,
      params: { RoleSessionName: 'a2' },
    });
    expect(a1.ok && a1.response.Credentials).toEqual(b1.response.Credentials);
    expect(a2.ok && a2.response.Credentials).toEqual(b2.ok && b2.response.Credentials);
  });
});
