// The role's trust policy, statement by statement: does it name the caller for the action,
// which of its conditions hold, does a Deny apply. Read from the engine's explanation of the
// one evaluation of all policies together, so the verdicts are the engine's own.

import { arnAccount, type Explanation, type StatementExplanation } from '../engine/index.ts';
import { statementLabel } from './judge.ts';
import type { ResolvedCaller } from './caller.ts';
import { contextValue, showValues, type ConditionEntry } from './statements.ts';
import type { Check, ContextMap, RoleDefinition } from './types.ts';

interface TrustStatementVerdict {
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

function verdictOf(
  s: StatementExplanation,
  caller: ResolvedCaller,
  crossAccount: boolean,
): TrustStatementVerdict | undefined {
  if (s.effect === 'invalid') return undefined;
  const principalMatches = s.actionMatched && s.resourceMatched && s.principalMatched === true;
  const match = s.principalMatch;
  // The engine grants on the trust policy alone in the same account when it names the caller
  // itself, everyone, or the session's role (then the role's limits still apply).
  const alone = match === 'exact' || match === 'wildcard' || match === 'role';
  const verdict: TrustStatementVerdict = {
    index: s.index,
    effect: s.effect,
    principalMatches,
    direct:
      s.effect === 'Allow' &&
      principalMatches &&
      (!caller.hasIdentitySide || (!crossAccount && alone)),
    namesCallerExactly: match === 'exact' || match === 'wildcard',
    applies: s.applied,
    conditions: principalMatches
      ? s.conditions.map((c) => ({
          entry: { operator: c.operator, key: c.key, values: c.policyValues },
          holds: c.matched,
        }))
      : [],
  };
  if (s.sid !== undefined) verdict.sid = s.sid;
  return verdict;
}

/** The trust policy's statements as the engine judged them in `explanation`. */
export function analyzeTrust(
  explanation: Explanation,
  caller: ResolvedCaller,
  context: ContextMap,
): TrustAnalysis {
  const trust = explanation.policies.find((p) => p.kind === 'resource');
  const statements = (trust?.statements ?? []).flatMap(
    (s) => verdictOf(s, caller, explanation.crossAccount) ?? [],
  );
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
