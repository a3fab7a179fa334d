import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arnAccount, compilePolicies, evaluate, isAwsAccountId } from '../engine';
import { parsePolicyText } from './policy-text';
import { assumeActionFor, resolvePrincipal, type PrincipalRef } from './principal-ref';
import { fixtureDesign, trustText } from './test-fixtures';
import { deriveTrustGraph } from './trust-edges';
import { requestPrincipalOf } from './trust-principals';

const pool: PrincipalRef[] = [
  { type: 'AWS', value: 'arn:aws:iam::111111111111:user/alice' },
  { type: 'AWS', value: 'arn:aws:iam::111111111111:role/Ops' },
  { type: 'AWS', value: 'arn:aws:iam::222222222222:role/Target' },
  { type: 'AWS', value: '111111111111' },
  { type: 'AWS', value: 'arn:aws:iam::222222222222:root' },
  { type: 'AWS', value: 'arn:aws:iam::333333333333:root' },
  { type: 'AWS', value: 'arn:aws:iam::333333333333:role/Auditor' },
  { type: 'AWS', value: '*' },
  { type: 'Service', value: 'lambda.amazonaws.com' },
  { type: 'Federated', value: 'arn:aws:iam::222222222222:saml-provider/Okta' },
  { type: 'Federated', value: 'accounts.google.com' },
];

/** Conditions the request below always satisfies. */
const satisfiable = [
  undefined,
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { StringEquals: { 'sts:ExternalId': 'e' } },
];
const context = { 'aws:MultiFactorAuthPresent': 'true', 'sts:ExternalId': 'e' };

const statementArb = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    principals: fc.subarray(pool, { minLength: 1, maxLength: 3 }),
    action: fc.constantFrom<unknown>(
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
      'sts:AssumeRoleWithWebIdentity',
      'sts:*',
      ['sts:AssumeRole', 'sts:TagSession'],
      'sts:TagSession',
    ),
    condition: fc.constantFrom(...satisfiable),
  })
  .map((s) => {
    const principal: Record<string, string[]> = {};
    for (const p of s.principals) (principal[p.type] ??= []).push(p.value);
    return {
      Effect: s.effect,
      Principal: principal,
      Action: s.action,
      ...(s.condition ? { Condition: s.condition } : {}),
    };
  });

describe('trust edges agree with the engine', () => {
  it('an edge is reachable exactly when the engine allows its principal, and no other principal gets in', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 4 }), (statements) => {
        const text = trustText(...statements);
        const design = fixtureDesign(text);
        const edges = deriveTrustGraph(design).edges.filter((e) => e.target === 'target');
        const parsed = parsePolicyText(text);
        if (!parsed.ok) throw new Error('generated policy does not parse');
        // The identity side allows everything, so only the trust policy decides.
        const set = compilePolicies({
          resource: parsed.document,
          identity: [
            { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
          ],
        });
        const allows = (principal: PrincipalRef, action = assumeActionFor(principal)) =>
          evaluate(
            {
              principal: requestPrincipalOf(principal),
              action,
              resource: 'arn:aws:iam::222222222222:role/Target',
              context,
            },
            set,
          ).decision === 'Allow';
        // Every edge drawn as reachable is one the engine allows, and every edge it allows is drawn reachable.
        for (const edge of edges) {
          const reachable = !edge.blocked && edge.deniedWhen.length === 0;
          expect({ principal: edge.principal.value, reachable }).toEqual({
            principal: edge.principal.value,
            reachable: allows(edge.principal, edge.action),
          });
        }
        // A principal that no edge stands for (itself, its account, or Anyone) is not allowed.
        for (const principal of pool) {
          if (!resolvePrincipal(design, principal).found) continue;
          const account = isAwsAccountId(principal.value)
            ? principal.value
            : arnAccount(principal.value);
          const covered = edges.some((e) => {
            const v = e.principal.value;
            return (
              v === principal.value ||
              v === '*' ||
              (account !== undefined &&
                e.principal.type === 'AWS' &&
                (v === account || v === `arn:aws:iam::${account}:root`))
            );
          });
          if (!covered)
            expect({ principal: principal.value, allowed: allows(principal) }).toEqual({
              principal: principal.value,
              allowed: false,
            });
        }
      }),
      { numRuns: 300 },
    );
  });
});
