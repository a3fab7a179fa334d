// The filters of the fast path (the action -> principals index that decides which actors a
// technique runs for, and the oracle's skip of calls no identity Allow and no resource policy
// could grant) only skip questions: over generated small accounts, the filtered analysis is
// the unfiltered one (`reference`: every actor through every technique, every question asked).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, toAnalysisJson } from '.';
import { ACCOUNT, AccountBuilder, allow, arn, deny, doc, trustStatement } from './test-accounts';

const NOW = '2026-06-01T00:00:00Z';
const ROLES = ['svc-0', 'svc-1', 'ops', 'admin'];
const USERS = ['alice', 'bob'];
const SERVICES = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'glue.amazonaws.com',
  'codebuild.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'cloudformation.amazonaws.com',
  'sagemaker.amazonaws.com',
];

const action = fc.constantFrom(
  '*',
  'iam:*',
  'iam:Create*',
  'iam:passrole',
  'iam:PassRole',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:PutRolePolicy',
  'iam:AttachGroupPolicy',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'iam:CreateAccessKey',
  'iam:UpdateLoginProfile',
  'iam:CreateRole',
  'iam:DeleteUserPermissionsBoundary',
  'sts:AssumeRole',
  'lambda:*',
  'lambda:CreateFunction',
  'lambda:InvokeFunction',
  'lambda:UpdateFunctionCode',
  'ec2:RunInstances',
  'ssm:Start*',
  'glue:*',
  'codebuild:StartBuild',
  'codebuild:CreateProject',
  'ecs:*',
  'cloudformation:CreateStack',
  's3:GetObject',
);
const resource = fc.constantFrom(
  '*',
  arn('role', 'svc-*'),
  arn('role', 'admin'),
  arn('user', '*'),
  arn('user', 'bob'),
  arn('group', 'dev'),
  `arn:aws:iam::${ACCOUNT}:policy/shared`,
  'arn:aws:lambda:*',
  'arn:aws:s3:::bucket/*',
);
const condition = fc.option(
  fc.constantFrom<Record<string, unknown>>(
    { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    { StringLike: { 'iam:PassedToService': 'ec2.*' } },
    { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
    { StringEquals: { 'aws:ResourceTag/team': 'ops' } },
  ),
  { nil: undefined },
);
const statement = fc
  .record({
    deny: fc.boolean(),
    not: fc.boolean(),
    actions: fc.array(action, { minLength: 1, maxLength: 3 }),
    resources: fc.array(resource, { minLength: 1, maxLength: 2 }),
    condition,
  })
  .map((s) => {
    const base = (s.deny ? deny : allow)(s.actions, s.resources, s.condition);
    if (!s.not) return base;
    const { Action, ...rest } = base;
    return { ...rest, NotAction: Action };
  });
const policy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((s) => doc(...s));
const trust = fc.constantFrom(
  ...SERVICES.map((s) => trustStatement({ Service: s })),
  trustStatement({ AWS: `arn:aws:iam::${ACCOUNT}:root` }),
  trustStatement({ AWS: arn('user', 'alice') }),
  trustStatement({ AWS: arn('role', 'ops') }),
  trustStatement({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, 'sts:AssumeRole', {
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
  }),
);
const account = fc.record({
  shared: policy,
  version: fc.option(policy, { nil: undefined }),
  group: fc.option(policy, { nil: undefined }),
  bucket: fc.option(policy, { nil: undefined }),
  users: fc.array(
    fc.record({
      policies: fc.array(policy, { maxLength: 2 }),
      shared: fc.boolean(),
      inGroup: fc.boolean(),
      bounded: fc.boolean(),
    }),
    { minLength: 1, maxLength: USERS.length },
  ),
  roles: fc.array(
    fc.record({
      trust: fc.array(trust, { minLength: 1, maxLength: 2 }),
      policies: fc.array(policy, { maxLength: 2 }),
      shared: fc.boolean(),
      profile: fc.boolean(),
    }),
    { minLength: 1, maxLength: ROLES.length },
  ),
});

type Account = typeof account extends fc.Arbitrary<infer T> ? T : never;

function design(a: Account) {
  const b = new AccountBuilder();
  const shared = b.policy(
    a.shared,
    'shared',
    'customer-managed',
    a.version ? [{ versionId: 'v1', text: a.version }] : undefined,
  );
  const boundary = b.policy(doc(allow(['s3:*', 'iam:*'])), 'boundary', 'customer-managed');
  const users = a.users.map((u, i) =>
    b.user(USERS[i]!, [...u.policies, ...(u.shared ? [shared] : [])], {
      permissionsBoundary: u.bounded && 'id' in boundary ? boundary.id : null,
    }),
  );
  if (a.group)
    b.group(
      'dev',
      [a.group],
      users.filter((_, i) => a.users[i]!.inGroup),
    );
  a.roles.forEach((r, i) =>
    b.role(ROLES[i]!, r.trust, [...r.policies, ...(r.shared ? [shared] : [])], {
      ...(r.profile ? {} : { observed: { instanceProfiles: [] } }),
    }),
  );
  for (const s of SERVICES) b.service(s);
  if (a.bucket) b.bucket('bucket', a.bucket.replace(/"Effect"/g, '"Principal": "*", "Effect"'));
  return b.design;
}

describe('the fast path only skips questions', () => {
  it('the filtered analysis of a generated small account is the unfiltered one', () => {
    let escalations = 0;
    fc.assert(
      fc.property(account, (a) => {
        const d = design(a);
        const fast = analyze(d, { now: NOW });
        const reference = analyze(d, { now: NOW, reference: true });
        const json = toAnalysisJson(fast.result);
        escalations += json.escalations.length;
        expect(json).toEqual(toAnalysisJson(reference.result));
        for (const [act, res] of [
          ['iam:PassRole', arn('role', 'svc-0')],
          ['s3:GetObject', 'arn:aws:s3:::bucket/key'],
          ['lambda:CreateFunction', 'arn:aws:lambda:us-east-1:111122223333:function:f'],
        ] as const)
          expect(fast.whoCan(act, res)).toEqual(reference.whoCan(act, res));
      }),
      { numRuns: 120, seed: 20261201 },
    );
    // The accounts open escalations (the property is not about empty results).
    expect(escalations).toBeGreaterThan(100);
  }, 120_000);
});
