/** Runner for `assume-role` cases: one STS call through the simulated STS. */
import {
  IdGenerator,
  assumeRole,
  parseInstant,
  type AssumeRoleParams,
  type AssumeRoleRequest,
  type Caller,
  type PolicyLevels,
  type RoleDefinition,
  type StsApi,
} from '../../../sts/index.ts';
import type { ContextValue, PolicyDocument } from '../../../engine/index.ts';
import {
  defaultNow,
  type CaseResult,
  type ConformanceCase,
  type KindRunner,
} from '../case-types.ts';

interface CaseCaller {
  principal?: string;
  federated?: string;
  identityPolicies?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  sessionPolicies?: PolicyDocument[];
  scp?: PolicyLevels;
  session?: {
    tags?: Record<string, string>;
    transitiveTagKeys?: string[];
    sourceIdentity?: string;
  };
  context?: Record<string, ContextValue>;
}

interface AssumeExpect {
  outcome?: string;
  expiration?: string;
  assumedRoleArn?: string;
  sourceIdentity?: string;
  sessionTags?: Record<string, string>;
}

function callerOf(c: CaseCaller): Caller {
  if (c.federated !== undefined) return { federated: c.federated, context: c.context };
  return {
    principal: c.principal ?? '',
    identityPolicies: c.identityPolicies,
    permissionsBoundary: c.permissionsBoundary,
    sessionPolicies: c.sessionPolicies,
    scp: c.scp,
    session: c.session,
    context: c.context,
  };
}

function sameTags(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export const assumeRoleRunner: KindRunner = {
  run(testCase: ConformanceCase): CaseResult {
    const expect = (testCase.expect ?? {}) as AssumeExpect;
    const request: AssumeRoleRequest = {
      api: testCase.api as StsApi,
      caller: callerOf((testCase.caller ?? {}) as CaseCaller),
      role: testCase.role as RoleDefinition,
      params: (testCase.params ?? {}) as AssumeRoleParams,
    };
    const now = typeof testCase.now === 'string' ? testCase.now : defaultNow;
    const result = assumeRole(request, {
      nowMs: parseInstant(now),
      ids: new IdGenerator(testCase.id),
    });
    const detail = { checks: result.checks.map((c) => `${c.status} ${c.id}: ${c.reason}`) };
    if (!result.ok) {
      const got = `${result.error.code} (${result.error.message})`;
      return {
        pass: result.error.code === expect.outcome,
        expected: String(expect.outcome),
        got,
        detail,
      };
    }
    if (expect.outcome !== 'Success') {
      return {
        pass: false,
        expected: String(expect.outcome),
        got: `Success as ${result.response.AssumedRoleUser.Arn}`,
        detail,
      };
    }
    const mismatches: string[] = [];
    const { response, session } = result;
    if (expect.expiration !== undefined && parseInstant(expect.expiration) !== session.expiration) {
      mismatches.push(
        `expiration ${response.Credentials.Expiration} (expected ${expect.expiration})`,
      );
    }
    if (
      expect.assumedRoleArn !== undefined &&
      expect.assumedRoleArn !== response.AssumedRoleUser.Arn
    ) {
      mismatches.push(
        `assumedRoleArn ${response.AssumedRoleUser.Arn} (expected ${expect.assumedRoleArn})`,
      );
    }
    if (expect.sourceIdentity !== undefined && expect.sourceIdentity !== response.SourceIdentity) {
      mismatches.push(
        `sourceIdentity ${String(response.SourceIdentity)} (expected ${expect.sourceIdentity})`,
      );
    }
    if (expect.sessionTags !== undefined && !sameTags(expect.sessionTags, session.tags)) {
      mismatches.push(
        `sessionTags ${JSON.stringify(session.tags)} (expected ${JSON.stringify(expect.sessionTags)})`,
      );
    }
    return {
      pass: mismatches.length === 0,
      expected: 'Success',
      got: mismatches.length === 0 ? 'Success' : `Success with ${mismatches.join(', ')}`,
      detail,
    };
  },
};
