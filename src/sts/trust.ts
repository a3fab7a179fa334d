// The role's trust policy, statement by statement: does it name the caller for the action,
// which of its conditions hold, does a Deny apply. Each question goes to the engine with
// a one-statement (or one-condition) policy, so the verdicts are the engine's own.

import { arnAccount } from '../engine/index.ts';
import { ALLOW_ALL, statementLabel, type Judge } from './judge.ts';
import type { ResolvedCaller } from './caller.ts';
import {
  conditionEntries,
  contextValue,
  effectOf,
  namedAwsPrincipals,
  policyWith,
  showValues,
  sidOf,
  statementsOf,
  withOnlyCondition,
  withoutConditions,
  type ConditionEntry,
} from './statements.ts';
import type { Check, ContextMap, PolicyDocument, RoleDefinition } from './types.ts';

export interface TrustStatementVerdict {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Principal and action match (conditions aside). */
  principalMatches: boolean;
  /** The statement alone grants, without the caller's identity policies (same account, caller named). */
  direct: boolean;
  /** The statement names the caller's own ARN (or `*`), not only its role or account. */
  namesCallerExactly: boolean;
  applies: boolean;
  conditions: { entry: ConditionEntry; holds: boolean }[];
}

export interface TrustAnalysis {
  statements: TrustStatementVerdict[];
  /** Allow statements that apply, or else those that name the caller (their conditions failed). */
  shown: TrustStatementVerdict[];
  allows: boolean;
  direct: boolean;
  namesCallerExactly: boolean;
  denies: TrustStatementVerdict[];
  context: ContextMap;
}

export function analyzeTrust(
  trust: PolicyDocument,
  caller: ResolvedCaller,
  context: ContextMap,
  judge: Judge,
): TrustAnalysis {
  const statements: TrustStatementVerdict[] = [];
  const asResource = (s: Record<string, unknown>) =>
    judge({ identity: [ALLOW_ALL], resource: policyWith(trust, s) });
  for (const [index, s] of statementsOf(trust).entries()) {
    const effect = effectOf(s);
    if (!effect) continue;
    const want = effect === 'Allow' ? 'Allow' : 'ExplicitDeny';
    const stripped = withoutConditions(s);
    const principalMatches = asResource(stripped) === want;
    const direct =
      effect === 'Allow' &&
      principalMatches &&
      (!caller.hasIdentitySide || judge({ resource: policyWith(trust, stripped) }) === 'Allow');
    const names = namedAwsPrincipals(s);
    const conditions = principalMatches
      ? conditionEntries(s).map((entry) => ({
          entry,
          holds: asResource(withOnlyCondition(s, entry)) === want,
        }))
      : [];
    const applies = principalMatches && asResource(s) === want;
    const verdict: TrustStatementVerdict = {
      index,
      effect,
      principalMatches,
      direct,
      namesCallerExactly: names.includes(caller.principal) || names.includes('*'),
      applies,
      conditions,
    };
    const sid = sidOf(s);
    if (sid !== undefined) verdict.sid = sid;
    statements.push(verdict);
  }
  const allows = statements.filter((s) => s.effect === 'Allow' && s.applies);
  const matching = statements.filter((s) => s.effect === 'Allow' && s.principalMatches);
  const shown = allows.length > 0 ? allows.slice(0, 1) : matching;
  const basis = allows.length > 0 ? allows : matching;
  return {
    statements,
    shown,
    allows: allows.length > 0,
    direct: basis.some((s) => s.direct),
    namesCallerExactly: basis.some((s) => s.direct && s.namesCallerExactly),
    denies: statements.filter((s) => s.effect === 'Deny' && s.applies),
    context,
  };
}

function show(value: ReturnType<typeof contextValue>): string {
  return value === undefined ? 'absent from the request' : showValues(value);
}

function principalReason(
  s: TrustStatementVerdict,
  caller: ResolvedCaller,
  action: string,
  role: RoleDefinition,
): string {
  const label = statementLabel(s.index, s.sid);
  const kind = caller.info.kind;
  if (kind === 'saml-provider' || kind === 'oidc-provider' || kind === 'web-identity-provider') {
    return `${label} trusts the identity provider \`${caller.principal}\``;
  }
  if (kind === 'service') return `${label} trusts the service \`${caller.principal}\``;
  if (s.direct) {
    return s.namesCallerExactly
      ? `${label} names \`${caller.principal}\``
      : `${label} names the session's role \`${caller.principalArn}\`; its boundary and session policies still apply`;
  }
  const roleAccount = arnAccount(role.arn);
  if (caller.account !== roleAccount) {
    return `${label} trusts \`${caller.principal}\` from account \`${caller.account}\`; across accounts the caller's identity policies must allow \`${action}\` too`;
  }
  return `${label} names the account \`${caller.account}\` rather than the caller, so the caller's identity policies must allow \`${action}\` too`;
}

export function trustChecks(
  analysis: TrustAnalysis,
  caller: ResolvedCaller,
  action: string,
  role: RoleDefinition,
): Check[] {
  const checks: Check[] = [];
  const first = analysis.shown[0];
  if (first) {
    checks.push({
      id: 'trust-principal',
      kind: 'trust-principal',
      label: 'Trust policy principal',
      status: 'pass',
      passed: true,
      reason: principalReason(first, caller, action, role),
      policy: { type: 'trust', statement: first.index, ...(first.sid ? { sid: first.sid } : {}) },
    });
  } else {
    checks.push({
      id: 'trust-principal',
      kind: 'trust-principal',
      label: 'Trust policy principal',
      status: 'fail',
      passed: false,
      reason: `no Allow statement in the trust policy of \`${role.arn}\` names \`${caller.principal}\` for \`${action}\``,
      policy: { type: 'trust' },
    });
  }
  for (const s of analysis.shown) {
    for (const { entry, holds } of s.conditions) {
      const actual = contextValue(analysis.context, entry.key);
      const reason = holds
        ? `\`${entry.key}\` is ${show(actual)}, which satisfies \`${entry.operator}\` ${showValues(entry.values)}`
        : `\`${entry.key}\` is ${show(actual)}; \`${entry.operator}\` requires ${showValues(entry.values)}`;
      checks.push({
        id: `trust-condition:${s.index}:${entry.operator}:${entry.key}`,
        kind: 'trust-condition',
        label: `Trust condition ${entry.operator} ${entry.key}`,
        status: holds ? 'pass' : 'fail',
        passed: holds,
        reason: `${statementLabel(s.index, s.sid)}: ${reason}`,
        policy: { type: 'trust', statement: s.index, ...(s.sid ? { sid: s.sid } : {}) },
      });
    }
  }
  for (const s of analysis.denies) {
    checks.push({
      id: `trust-deny:${s.index}`,
      kind: 'trust-deny',
      label: 'Trust policy deny',
      status: 'fail',
      passed: false,
      reason: `${statementLabel(s.index, s.sid)} of the trust policy explicitly denies \`${action}\` to \`${caller.principal}\``,
      policy: { type: 'trust', statement: s.index, ...(s.sid ? { sid: s.sid } : {}) },
    });
  }
  return checks;
}
