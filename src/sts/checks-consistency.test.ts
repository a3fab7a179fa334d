import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assumeRole } from './assume.ts';
import { IdGenerator } from './random.ts';
import { A, ALICE, B, NOW, allow, deny } from './test-fixtures.ts';
import type { AssumeRoleRequest, Check, PolicyDocument } from './types.ts';

const OPS_SESSION = `arn:aws:sts::${A}:assumed-role/Ops/alice`;

const policyChoice = (choices: (PolicyDocument[] | undefined)[]) => fc.constantFrom(...choices);

const requests = fc
  .record({
    caller: fc.constantFrom(ALICE, OPS_SESSION),
    identity: policyChoice([
      [],
      [allow('sts:AssumeRole')],
      [deny('sts:AssumeRole')],
      [allow('s3:*')],
    ]),
    boundary: policyChoice([undefined, [allow('sts:*')], [allow('s3:*')]]),
    session: policyChoice([undefined, [allow('sts:AssumeRole')], [allow('s3:*')]]),
    scp: fc.constantFrom<PolicyDocument[][] | undefined>(
      undefined,
      [[allow('*')]],
      [[allow('*')], [allow('s3:*')]],
      [[allow('*'), deny('sts:AssumeRole')]],
    ),
    trustPrincipal: fc.constantFrom(
      ALICE,
      `arn:aws:iam::${A}:root`,
      `arn:aws:iam::${B}:root`,
      `arn:aws:iam::${A}:role/Ops`,
      OPS_SESSION,
      '*',
      `arn:aws:iam::${A}:user/bob`,
    ),
    roleAccount: fc.constantFrom(A, B),
    condition: fc.constantFrom(undefined, { StringEquals: { 'sts:ExternalId': 'ext-1' } }),
    externalId: fc.constantFrom(undefined, 'ext-1', 'ext-2'),
    trustDeny: fc.boolean(),
  })
  .map((g): AssumeRoleRequest => {
    const statements: Record<string, unknown>[] = [
      {
        Effect: 'Allow',
        Principal: { AWS: g.trustPrincipal },
        Action: 'sts:AssumeRole',
        ...(g.condition ? { Condition: g.condition } : {}),
      },
    ];
    if (g.trustDeny)
      statements.push({
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${A}:user/bob` },
        Action: 'sts:AssumeRole',
      });
    return {
      api: 'AssumeRole',
      caller: {
        principal: g.caller,
        identityPolicies: g.identity,
        permissionsBoundary: g.boundary?.[0],
        sessionPolicies: g.caller === OPS_SESSION ? g.session : undefined,
        scp: g.scp,
        session: g.caller === OPS_SESSION ? {} : undefined,
      },
      role: {
        arn: `arn:aws:iam::${g.roleAccount}:role/Target`,
        trustPolicy: { Version: '2012-10-17', Statement: statements },
      },
      params: { RoleSessionName: 'target', ...(g.externalId ? { ExternalId: g.externalId } : {}) },
    };
  });

function allChecks(checks: Check[]): Check[] {
  return checks.flatMap((c) => [c, ...allChecks(c.details ?? [])]);
}

describe('checks agree with the engine decision', () => {
  it('a success has no failed check; an AccessDenied points at a failed layer check', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const result = assumeRole(request, { nowMs: NOW, ids: new IdGenerator('p') });
        const checks = allChecks(result.checks);
        const layerFailures = checks.filter((c) => c.status === 'fail' && c.kind !== 'decision');
        if (result.ok) {
          expect(result.evaluations.every((e) => e.decision === 'Allow')).toBe(true);
          expect(layerFailures).toEqual([]);
        } else {
          expect(result.error.code).toBe('AccessDenied');
          expect(result.evaluations.some((e) => e.decision !== 'Allow')).toBe(true);
          const failed = result.checks.find((c) => c.id === result.error.checkId);
          expect(failed?.status).toBe('fail');
          expect(failed?.kind).not.toBe('decision');
          expect(result.error.explanation).toContain(failed?.reason);
          // An implicit denial names every layer that failed: each would have to allow.
          const denied = result.evaluations.find((e) => e.decision !== 'Allow')!;
          if (denied.decision === 'ImplicitDeny')
            for (const c of result.checks)
              if (c.status === 'fail' && c.kind !== 'decision' && c.action === denied.action)
                expect(result.error.explanation).toContain(c.reason);
          expect(result.error.message).not.toContain(`${failed?.id}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
