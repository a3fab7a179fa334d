// The adapter answers a call once per group of callers whose policies are the same compiled
// half and whose requests read the same to them (`callerSignature`): over generated small
// accounts where many principals share managed policies but differ in what a condition or a
// policy variable can read (name, tags, kind, boundary), every grouped answer is the one the
// adapter gives each caller alone (`canCall`), and the analysis is the per-pair reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignAccess } from '../model';
import { analyze, toAnalysisJson } from '.';
import { ACCOUNT, AccountBuilder, allow, arn, deny, doc, trustStatement } from './test-accounts';

const NOW = '2026-06-01T00:00:00Z';
const NOW_MS = Date.parse(NOW);

const condition = fc.option(
  fc.constantFrom<Record<string, unknown>>(
    { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
    { StringEquals: { 'aws:ResourceTag/team': 'ops' } },
    { StringLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/a*` } },
    { StringEquals: { 'aws:username': 'alice' } },
    { StringEquals: { 'aws:PrincipalType': 'User' } },
    { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
  ),
  { nil: undefined },
);
const action = fc.constantFrom(
  'iam:PassRole',
  'iam:CreateAccessKey',
  'lambda:CreateFunction',
  's3:GetObject',
  'iam:*',
  '*',
);
const resource = fc.constantFrom(
  '*',
  arn('role', 'svc-*'),
  arn('user', '${aws:username}'),
  arn('user', 'bob'),
  'arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*',
  'arn:aws:s3:::bucket/*',
);
const statement = fc
  .record({
    deny: fc.boolean(),
    actions: fc.array(action, { minLength: 1, maxLength: 2 }),
    resources: fc.array(resource, { minLength: 1, maxLength: 2 }),
    condition,
  })
  .map((s) => (s.deny ? deny : allow)(s.actions, s.resources, s.condition));
const policy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((s) => doc(...s));

const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin'];
const principal = fc.record({
  /** Which shared managed policies (of three) it holds. */
  holds: fc.subarray([0, 1, 2]),
  team: fc.option(fc.constantFrom('ops', 'web'), { nil: undefined }),
  bounded: fc.boolean(),
});
const account = fc.record({
  shared: fc.tuple(policy, policy, policy),
  bucket: fc.option(policy, { nil: undefined }),
  users: fc.array(principal, { minLength: 1, maxLength: NAMES.length }),
  roles: fc.array(principal, { minLength: 1, maxLength: NAMES.length }),
});
type Account = typeof account extends fc.Arbitrary<infer T> ? T : never;

function design(a: Account) {
  const b = new AccountBuilder();
  const shared = a.shared.map((text, i) => b.policy(text, `shared-${i}`, 'customer-managed'));
  const boundary = b.policy(doc(allow(['iam:*', 's3:*'])), 'boundary', 'customer-managed');
  const extra = (p: Account['users'][number]) => ({
    tags: (p.team ? { team: p.team } : {}) as Record<string, string>,
    permissionsBoundary: p.bounded && 'id' in boundary ? boundary.id : null,
  });
  a.users.forEach((u, i) =>
    b.user(
      NAMES[i]!,
      u.holds.map((k) => shared[k]!),
      extra(u),
    ),
  );
  a.roles.forEach((r, i) =>
    b.role(
      `svc-${NAMES[i]!}`,
      [trustStatement({ Service: 'lambda.amazonaws.com' })],
      r.holds.map((k) => shared[k]!),
      extra(r),
    ),
  );
  b.service('lambda.amazonaws.com');
  if (a.bucket) b.bucket('bucket', a.bucket.replace(/"Effect"/g, '"Principal": "*", "Effect"'));
  return b.design;
}

const QUESTIONS: [string, string, Record<string, string>?][] = [
  ['iam:PassRole', arn('role', 'svc-alice'), { 'iam:PassedToService': 'lambda.amazonaws.com' }],
  ['iam:PassRole', arn('role', 'svc-bob'), { 'iam:PassedToService': 'ec2.amazonaws.com' }],
  ['iam:CreateAccessKey', arn('user', 'alice')],
  ['iam:CreateAccessKey', arn('user', 'bob')],
  ['lambda:CreateFunction', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`],
  ['s3:GetObject', 'arn:aws:s3:::bucket/ops/key'],
  ['s3:GetObject', 'arn:aws:s3:::bucket/web/key'],
];

describe('grouped call answers', () => {
  it('each caller of a group gets the answer the adapter gives it alone', () => {
    let shared = 0;
    let conditional = 0;
    let asked = 0;
    let questions = 0;
    fc.assert(
      fc.property(account, (a) => {
        const d = design(a);
        const grouped = new DesignAccess(d);
        const alone = new DesignAccess(d);
        const callers = [...d.users, ...d.roles];
        for (const [act, res, context] of QUESTIONS)
          for (const c of callers) {
            const q = { source: c.id, action: act, resource: res, now: NOW_MS, context };
            const answer = grouped.callAnswer(q);
            const verdict = alone.canCall(q);
            expect(answer.status).toBe(verdict.status);
            expect(answer.needs).toEqual(verdict.status === 'conditional' ? verdict.needs : []);
            if (answer.status === 'conditional') conditional++;
          }
        // Callers holding the same policies (the case the groups are for) occur.
        const sets = callers.map((c) => c.policies.map((p) => p.id).join());
        shared += sets.length - new Set(sets).size;
        // Answers the engine was asked for (one per group member signature) against questions.
        const groups = (
          grouped as unknown as { callGroups: Map<string, { answers: Map<string, unknown> }> }
        ).callGroups;
        for (const g of groups.values()) asked += g.answers.size;
        questions += callers.length * QUESTIONS.length;
      }),
      { numRuns: 150, seed: 20261201 },
    );
    expect(shared).toBeGreaterThan(100);
    expect(conditional).toBeGreaterThan(20);
    // The groups share: far fewer answers asked of the engine than questions.
    expect(asked).toBeLessThan(questions * 0.7);
  }, 120_000);

  it('the analysis with grouped answers is the per-pair reference', () => {
    fc.assert(
      fc.property(account, (a) => {
        const d = design(a);
        const fast = analyze(d, { now: NOW });
        const reference = analyze(d, { now: NOW, reference: true });
        expect(toAnalysisJson(fast.result)).toEqual(toAnalysisJson(reference.result));
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 120_000);
});
