/** Laws of the evaluation logic, checked on random policies and requests (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePolicies,
  evaluate,
  type PolicyDocument,
  type PolicyInputs,
  type RequestInput,
} from '../index.ts';

const actions = [
  's3:GetObject',
  's3:*',
  's3:Get*',
  'iam:*',
  '*',
  'sqs:SendMessage',
  'sts:AssumeRole',
  'kms:Decrypt',
];
const resources = [
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/k',
  'arn:aws:sqs:us-east-1:111111111111:q',
  'arn:aws:iam::111111111111:role/R',
];
const conditions = [
  undefined,
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { StringNotLikeIfExists: { 'aws:PrincipalTag/team': 'b*' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } },
];
const principals = [
  '*',
  { AWS: 'arn:aws:iam::111111111111:user/alice' },
  { AWS: '111111111111' },
  { AWS: 'arn:aws:iam::111111111111:role/R' },
  { AWS: 'arn:aws:sts::111111111111:assumed-role/R/s' },
  { AWS: '222222222222' },
  { Service: 'lambda.amazonaws.com' },
];

const statement = (withPrincipal: boolean, effect?: 'Allow' | 'Deny') =>
  fc
    .record({
      effect: effect ? fc.constant(effect) : fc.constantFrom('Allow', 'Deny'),
      not: fc.boolean(),
      action: fc.subarray(actions, { minLength: 1, maxLength: 2 }),
      resource: fc.subarray(resources, { minLength: 1, maxLength: 2 }),
      condition: fc.constantFrom(...conditions),
      principal: fc.constantFrom(...principals),
    })
    .map((s) => {
      const out: Record<string, unknown> = {
        Effect: s.effect,
        [s.not ? 'NotAction' : 'Action']: s.action,
        Resource: s.resource,
      };
      if (s.condition) out.Condition = s.condition;
      if (withPrincipal) out.Principal = s.principal;
      return out;
    });

const policy = (withPrincipal: boolean) =>
  fc
    .array(statement(withPrincipal), { minLength: 1, maxLength: 3 })
    .map((Statement): PolicyDocument => ({ Version: '2012-10-17', Statement }));

const inputs: fc.Arbitrary<PolicyInputs> = fc.record(
  {
    identity: fc.array(policy(false), { maxLength: 2 }),
    permissionsBoundary: policy(false),
    session: fc.array(policy(false), { minLength: 1, maxLength: 2 }),
    resource: policy(true),
    scp: fc.array(fc.array(policy(false), { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 2,
    }),
    rcp: fc.array(fc.array(policy(true), { minLength: 1, maxLength: 1 }), { maxLength: 2 }),
  },
  { requiredKeys: ['identity'] },
);

const request: fc.Arbitrary<RequestInput> = fc.record({
  principal: fc.constantFrom(
    'arn:aws:iam::111111111111:user/alice',
    'arn:aws:sts::111111111111:assumed-role/R/s',
    'arn:aws:iam::222222222222:user/bob',
    'arn:aws:iam::111111111111:root',
    'lambda.amazonaws.com',
    'anonymous',
  ),
  action: fc.constantFrom(
    's3:GetObject',
    's3:PutObject',
    'iam:CreateUser',
    'sqs:SendMessage',
    'sts:AssumeRole',
    'kms:Decrypt',
  ),
  resource: fc.constantFrom(...resources.slice(1), 'arn:aws:kms:us-east-1:111111111111:key/k1'),
  context: fc.record(
    {
      'aws:PrincipalTag/team': fc.constantFrom('blue', 'red'),
      'aws:SecureTransport': fc.constantFrom('true', 'false'),
    },
    { requiredKeys: [] },
  ),
});

const decide = (r: RequestInput, p: PolicyInputs) => evaluate(r, compilePolicies(p)).decision;

type Slot = 'identity' | 'boundary' | 'session' | 'resource' | 'scp' | 'rcp';

function withStatement(p: PolicyInputs, slot: Slot, s: Record<string, unknown>): PolicyInputs {
  const add = (doc: PolicyDocument): PolicyDocument => ({
    ...doc,
    Statement: [...(doc.Statement as unknown[]), s],
  });
  const fresh: PolicyDocument = { Version: '2012-10-17', Statement: [s] };
  switch (slot) {
    case 'identity':
      return {
        ...p,
        identity:
          p.identity && p.identity.length > 0
            ? [add(p.identity[0]!), ...p.identity.slice(1)]
            : [fresh],
      };
    case 'boundary':
      return p.permissionsBoundary ? { ...p, permissionsBoundary: add(p.permissionsBoundary) } : p;
    case 'session':
      return p.session ? { ...p, session: [add(p.session[0]!), ...p.session.slice(1)] } : p;
    case 'resource':
      return { ...p, resource: p.resource ? add(p.resource) : fresh };
    case 'scp':
      return p.scp
        ? {
            ...p,
            scp: p.scp.map((level, i) => (i === 0 ? [add(level[0]!), ...level.slice(1)] : level)),
          }
        : p;
    case 'rcp':
      return p.rcp && p.rcp.length > 0
        ? {
            ...p,
            rcp: p.rcp.map((level, i) => (i === 0 ? [add(level[0]!), ...level.slice(1)] : level)),
          }
        : p;
  }
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let x = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function reorder(p: PolicyInputs, seed: number): PolicyInputs {
  const doc = (d: PolicyDocument): PolicyDocument => ({
    ...d,
    Statement: shuffled(d.Statement as unknown[], seed),
  });
  const out: PolicyInputs = { identity: shuffled((p.identity ?? []).map(doc), seed + 1) };
  if (p.permissionsBoundary) out.permissionsBoundary = doc(p.permissionsBoundary);
  if (p.session) out.session = shuffled(p.session.map(doc), seed + 2);
  if (p.resource) out.resource = doc(p.resource);
  if (p.scp) out.scp = p.scp.map((l) => shuffled(l.map(doc), seed + 3));
  if (p.rcp) out.rcp = p.rcp.map((l) => shuffled(l.map(doc), seed + 4));
  return out;
}

const slots: Slot[] = ['identity', 'boundary', 'session', 'resource', 'scp', 'rcp'];
const runs = { numRuns: 800 };

describe('evaluation laws', () => {
  it('adding a Deny never turns a Deny into an Allow, and an explicit deny stays explicit', () => {
    fc.assert(
      fc.property(
        request,
        inputs,
        fc.constantFrom(...slots),
        fc.boolean(),
        (r, p, slot, withPrincipal) => {
          return fc.assert(
            fc.property(
              statement(slot === 'resource' || slot === 'rcp' || withPrincipal, 'Deny'),
              (deny) => {
                const cleaned =
                  slot === 'resource' || slot === 'rcp'
                    ? deny
                    : (({ Principal: _, ...rest }) => rest)(deny);
                const before = decide(r, p);
                const after = decide(r, withStatement(p, slot, cleaned));
                if (before !== 'Allow') expect(after).not.toBe('Allow');
                if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny');
              },
            ),
            { numRuns: 3 },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('statement and policy order never change a decision', () => {
    fc.assert(
      fc.property(request, inputs, fc.integer({ min: 1, max: 1_000_000 }), (r, p, seed) => {
        expect(decide(r, reorder(p, seed))).toBe(decide(r, p));
      }),
      runs,
    );
  });

  it('adding an Allow to an identity policy never turns an Allow into a Deny', () => {
    fc.assert(
      fc.property(request, inputs, statement(false, 'Allow'), (r, p, allow) => {
        if (decide(r, p) === 'Allow')
          expect(decide(r, withStatement(p, 'identity', allow))).toBe('Allow');
      }),
      runs,
    );
  });

  it('the explanation gives the same decision as the fast path', () => {
    fc.assert(
      fc.property(request, inputs, (r, p) => {
        const set = compilePolicies(p);
        const fast = evaluate(r, set);
        const slow = evaluate(r, set, { explain: true });
        expect(slow.decision).toBe(fast.decision);
        expect(slow.explanation!.decision).toBe(fast.decision);
        if (fast.decision === 'ExplicitDeny')
          expect(slow.explanation!.decisive.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });
});
