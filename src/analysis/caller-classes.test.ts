// AssumeRole answers kept per class of callers (callers the policies cannot tell apart) and
// per class of roles (roles their Resource patterns cover alike): over generated accounts
// where many callers share policies and differ in what a trust may read (tags, MFA, names,
// ARNs, accounts), every pair's answer, asked in any order on one adapter, is the per-pair
// verdict's, and the analysis's reachability is the one of every pair asked alone.
// `ROLECRAFT_PROPERTY_RUNS=1000 npx vitest run src/analysis/caller-classes.test.ts` runs it long.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  access,
  makeAccount,
  makeGroup,
  makeManagedPolicy,
  makeRole,
  makeUser,
  type Design,
  type PolicyAttachment,
} from '../model';
import { analyze } from '.';

const RUNS = Number(process.env.ROLECRAFT_PROPERTY_RUNS ?? 40);
const A = '111111111111';
const B = '222222222222';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/** Identity statements about sts:AssumeRole, several reading the role's ARN. */
const identityShapes: object[][] = [
  [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
  [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/deploy-*` }],
  [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/x?' }],
  [
    { Effect: 'Allow', Action: 'sts:*', Resource: '*' },
    { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${B}:role/*` },
  ],
  [{ Effect: 'Allow', Action: 'sts:AssumeRole', NotResource: `arn:aws:iam::${A}:role/other` }],
  [
    {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
    },
  ],
  [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
  [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
];

const conditions: (object | undefined)[] = [
  undefined,
  undefined,
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { StringEquals: { 'sts:ExternalId': 'ext-1' } },
  { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
  { StringEquals: { 'aws:username': 'u1' } },
  { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:user/u*` } },
  { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/r1` } },
  { StringEquals: { 'aws:PrincipalAccount': B } },
  { StringLike: { 'aws:userid': 'AIDA*' } },
];

const principals: object[] = [
  { AWS: `arn:aws:iam::${A}:root` },
  { AWS: A },
  { AWS: `arn:aws:iam::${B}:root` },
  { AWS: `arn:aws:iam::${A}:user/u2` },
  { AWS: `arn:aws:iam::${B}:role/r1` },
  { AWS: '*' },
];

const trustStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    principal: fc.constantFrom(...principals),
    condition: fc.constantFrom(...conditions),
  })
  .map(({ effect, principal, condition }) => ({
    Effect: effect,
    Principal: principal,
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  }));

const TARGETS = ['deploy-1', 'deploy-2', 'x1', 'x2', 'other'];

const caller = fc.record({
  account: fc.constantFrom(A, A, B),
  policy: fc.constantFrom(0, 1, 2),
  group: fc.boolean(),
  team: fc.constantFrom(undefined, 'ops', 'dev'),
  mfa: fc.boolean(),
});

const designArb = fc
  .record({
    shapes: fc.array(fc.constantFrom(...identityShapes), { minLength: 3, maxLength: 3 }),
    groupShape: fc.constantFrom(...identityShapes),
    users: fc.array(caller, { minLength: 4, maxLength: 8 }),
    roles: fc.array(caller, { minLength: 2, maxLength: 5 }),
    // Two trust texts for the five roles: roles with one text share its policy (one trust side).
    trusts: fc.array(fc.array(trustStatement, { minLength: 1, maxLength: 2 }), {
      minLength: 2,
      maxLength: 2,
    }),
    trustOf: fc.array(fc.constantFrom(0, 1), {
      minLength: TARGETS.length,
      maxLength: TARGETS.length,
    }),
    targetAccounts: fc.array(fc.constantFrom(A, B), {
      minLength: TARGETS.length,
      maxLength: TARGETS.length,
    }),
  })
  .map((g): Design => {
    const accounts = [A, B].map((id) => makeAccount({ id: `acct-${id}`, awsAccountId: id }));
    const managed = [A, B].flatMap((id) =>
      g.shapes.map((shape, i) =>
        makeManagedPolicy({
          id: `p${i}-${id}`,
          type: 'customer-managed',
          account: `acct-${id}`,
          name: `p${i}`,
          text: doc(...shape),
        }),
      ),
    );
    const groups = [A, B].map((id) =>
      makeGroup({
        id: `g-${id}`,
        account: `acct-${id}`,
        name: 'g',
        policies: [{ attachment: 'managed', id: `p2-${id}` }],
      }),
    );
    // The group's own statement is a managed policy too, so members share it.
    for (const [i, id] of [A, B].entries()) {
      const gp = makeManagedPolicy({
        id: `gp-${id}`,
        type: 'customer-managed',
        account: `acct-${id}`,
        name: 'gp',
        text: doc(...g.groupShape),
      });
      managed.push(gp);
      groups[i]!.policies.push({ attachment: 'managed', id: gp.id });
    }
    const attached = (c: { account: string; policy: number }): PolicyAttachment[] => [
      { attachment: 'managed', id: `p${c.policy}-${c.account}` },
    ];
    const users = g.users.map((c, i) =>
      makeUser({
        id: `u${i}`,
        account: `acct-${c.account}`,
        name: `u${i}`,
        policies: attached(c),
        groups: c.group ? [`g-${c.account}`] : [],
        tags: c.team ? { team: c.team } : {},
        hasMfa: c.mfa,
      }),
    );
    const callerRoles = g.roles.map((c, i) =>
      makeRole({
        id: `r${i}`,
        account: `acct-${c.account}`,
        name: `r${i}`,
        policies: attached(c),
        tags: c.team ? { team: c.team } : {},
        trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }),
      }),
    );
    const targets = TARGETS.map((name, i) =>
      makeRole({
        id: name,
        account: `acct-${g.targetAccounts[i]!}`,
        name,
        trustPolicy: doc(...g.trusts[g.trustOf[i]!]!),
      }),
    );
    return {
      formatVersion: 2,
      id: 'classes',
      name: 'classes',
      accounts,
      users,
      groups,
      managedPolicies: managed,
      roles: [...callerRoles, ...targets],
      services: [],
      identityProviders: [],
      outsidePrincipals: [],
      resources: [],
      layout: {},
      drafts: {},
    };
  });

describe('AssumeRole answers kept per class of callers and of roles', () => {
  it(
    'every pair, asked in any order on one adapter, gets the per-pair verdict: status and needs',
    () => {
      fc.assert(
        fc.property(designArb, fc.integer(), (design, seed) => {
          // The adapter's full verdict (`canAssume`) asks every pair alone, whatever was asked before.
          const grouped = access(design);
          const full = grouped;
          const pairs = design.roles.flatMap((role) =>
            [...design.users, ...design.roles].map((source) => ({
              source: source.id,
              role: role.id,
            })),
          );
          // A seeded shuffle: the first caller of a class asked differs from run to run.
          let s = seed >>> 0;
          for (let i = pairs.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            const j = s % (i + 1);
            [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
          }
          for (const q of pairs) {
            const verdict = full.canAssume(q);
            expect({ q, answer: grouped.assumeAnswer(q) }).toEqual({
              q,
              answer: { status: verdict.status, needs: verdict.needs },
            });
          }
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 1000,
  );

  it(
    "the analysis's reachability (pairs, hops, needs) is the one of every pair asked alone",
    () => {
      fc.assert(
        fc.property(designArb, (design) => {
          const now = '2026-06-01T00:00:00Z';
          const fast = analyze(design, { now }).result.reachability;
          const reference = analyze(design, { now, reference: true }).result.reachability;
          expect(fast).toEqual(reference);
        }),
        { numRuns: Math.max(10, Math.round(RUNS / 3)) },
      );
    },
    RUNS * 1000,
  );
});
