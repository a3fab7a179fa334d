/**
 * The explanation of a decision (built only when asked): every policy and statement with
 * whether it applied and why not, the decisive statements and the kind that decided.
 */
import type { ContextValue, DecidingKind, Decision, PolicyKind, RequestInput } from '../types.ts';
import type { PrincipalKind } from '../principal/principal-info.ts';
import type { CompiledPolicy, CompiledPolicySet } from './compile.ts';
import { effectiveContext, type RequestState } from './context.ts';
import { factsFromExplained, participation, type Facts } from './facts.ts';
import { decide, isKeyRequest, isRoleAction, type Outcome, type ReasonCode } from './decide.ts';
import { stsOutcome, stsRule } from './sts-rules.ts';
import type { ActionPlan } from './plan.ts';
import { explainStatement, type StatementExplanation } from './statement.ts';

/** Points at one statement of one policy. */
export interface StatementRef {
  kind: PolicyKind;
  level?: number;
  policyIndex: number;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
}

export interface PolicyExplanation {
  kind: PolicyKind;
  /** SCP/RCP level, root first. */
  level?: number;
  /** Index within its kind (within its level for SCPs and RCPs). */
  index: number;
  /** True for RCPFullAWSAccess, which AWS attaches to every RCP level. */
  implicit: boolean;
  /** A short name for display (`identity policy 1`, `SCP level 2, policy 1`). */
  label: string;
  /** False when this kind takes no part for this principal (an SCP for a service principal, ...). */
  considered: boolean;
  notConsideredReason?: string;
  allows: boolean;
  denies: boolean;
  statements: StatementExplanation[];
}

export interface Explanation {
  decision: Decision;
  /** The kind that made the decision: the one that denied, or the one that granted. */
  decidedBy: DecidingKind;
  /** Set for both deny outcomes: the kind that denied (`scp`, `trust`, `identity`, ...). */
  deniedBy?: DecidingKind;
  reason: ReasonCode;
  /** For an SCP level without Allow: the level, root first. */
  level?: number;
  /** One readable sentence. */
  summary: string;
  crossAccount: boolean;
  principal: { text: string; kind: PrincipalKind; account?: string; principalArn?: string };
  resourceAccount?: string;
  /** The context the conditions saw, derived keys included. */
  context: Record<string, ContextValue>;
  /** Every policy in evaluation order: SCP levels, RCP levels, resource, identity, boundary, session. */
  policies: PolicyExplanation[];
  /** The statements that made the decision (the applying denies, or the grants that allowed). */
  decisive: StatementRef[];
}

const kindNames: Record<DecidingKind, string> = {
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  resource: 'the resource-based policy',
  trust: 'the role trust policy',
  identity: 'the identity-based policies',
  boundary: 'the permissions boundary',
  session: 'the session policies',
  root: 'the account root user',
  sts: 'AWS STS',
};

function summarize(o: Outcome): string {
  switch (o.reason) {
    case 'explicit-deny':
      return `explicitly denied by ${kindNames[o.decidedBy]}`;
    case 'scp-level-without-allow':
      return `implicitly denied: no SCP at level ${(o.level ?? 0) + 1} allows the action`;
    case 'resource-policy-required':
      return `implicitly denied: ${kindNames[o.decidedBy]} must allow this principal, even in the same account`;
    case 'no-resource-grant':
      return `implicitly denied: ${kindNames[o.decidedBy]} does not allow this principal`;
    case 'cross-account-no-resource-grant':
      return `implicitly denied: cross-account access needs ${kindNames[o.decidedBy]} to allow the principal`;
    case 'cross-account-no-identity-allow':
      return 'implicitly denied: cross-account access needs the identity-based policies to allow too';
    case 'no-identity-allow':
      return 'implicitly denied: no identity-based policy allows the action';
    case 'boundary-without-allow':
      return 'implicitly denied: the permissions boundary does not allow the action';
    case 'session-without-allow':
      return 'implicitly denied: the session policies do not allow the action';
    case 'allowed-by-resource-policy':
      return `allowed by ${kindNames[o.decidedBy]}`;
    case 'allowed-by-identity-policy':
      return 'allowed by the identity-based policies';
    case 'allowed-cross-account':
      return `allowed: ${kindNames[o.decidedBy]} and the identity-based policies both allow`;
    case 'allowed-root-user':
      return 'allowed: the account root user has full access unless a policy restricts it';
    case 'no-session-policy':
      return 'implicitly denied: a federated user session without a session policy has no permissions';
    case 'no-permission-required':
      return 'allowed: sts:GetCallerIdentity needs no permission and cannot be denied';
    case 'root-cannot-assume-role':
      return 'implicitly denied: the account root user cannot call AssumeRole';
    case 'federated-user-cannot-call-iam':
      return 'implicitly denied: a federated user session cannot call IAM operations';
    case 'federated-user-cannot-call-sts':
      return 'implicitly denied: a federated user session cannot call STS operations except GetCallerIdentity';
  }
}

function label(p: CompiledPolicy, state: RequestState): string {
  if (p.kind !== 'resource') return p.label;
  return isRoleAction(state.actionLower)
    ? 'role trust policy'
    : isKeyRequest(state)
      ? 'key policy'
      : 'resource-based policy';
}

/** Statements of the set explained so far: the position in `ActionPlan.covers`. */
let walked = 0;

function explainPolicy(
  p: CompiledPolicy,
  state: RequestState,
  plan: ActionPlan,
  considered: boolean,
  why?: string,
): PolicyExplanation {
  const attached = p.kind === 'resource' || p.kind === 'rcp';
  const statements: StatementExplanation[] = new Array(p.statements.length);
  const covers = plan.covers;
  let allows = false;
  let denies = false;
  for (let i = 0; i < p.statements.length; i++) {
    const covered = covers[walked++] === 1;
    const s = explainStatement(p.statements[i]!, state, attached, covered, plan);
    statements[i] = s;
    if (s.applied && s.effect === 'Allow') allows = true;
    else if (s.applied && s.effect === 'Deny') denies = true;
  }
  const out: PolicyExplanation = {
    kind: p.kind,
    index: p.index,
    implicit: p.implicit,
    label: label(p, state),
    considered,
    allows: considered && allows,
    denies: considered && denies,
    statements,
  };
  if (p.level !== undefined) out.level = p.level;
  if (!considered && why) out.notConsideredReason = why;
  return out;
}

/** Which applied statements count as decisive. */
type Pick = 'deny' | 'resource-grant' | 'cross-account' | 'scp' | 'identity-side';

function picked(pick: Pick, p: PolicyExplanation, s: StatementExplanation, f: Facts): boolean {
  const identitySide =
    p.kind === 'identity' || p.kind === 'boundary' || p.kind === 'session' || p.kind === 'scp';
  switch (pick) {
    case 'deny':
      return s.effect === 'Deny';
    case 'resource-grant':
      return p.kind === 'resource' || (p.kind === 'scp' && f.scpApplies);
    case 'cross-account':
      return p.kind === 'resource' || identitySide;
    case 'scp':
      return p.kind === 'scp';
    case 'identity-side':
      return identitySide;
  }
}

function refs(policies: PolicyExplanation[], pick: Pick, f: Facts): StatementRef[] {
  const out: StatementRef[] = [];
  for (const p of policies) {
    if (!p.considered) continue;
    for (const s of p.statements) {
      if (!s.applied || s.effect === 'invalid' || !picked(pick, p, s, f)) continue;
      const ref: StatementRef = {
        kind: p.kind,
        policyIndex: p.index,
        statementIndex: s.index,
        effect: s.effect,
      };
      if (p.level !== undefined) ref.level = p.level;
      if (s.sid !== undefined) ref.sid = s.sid;
      out.push(ref);
    }
  }
  return out;
}

function decisiveStatements(o: Outcome, f: Facts, policies: PolicyExplanation[]): StatementRef[] {
  if (o.decision === 'ExplicitDeny') return refs(policies, 'deny', f);
  if (o.decision === 'ImplicitDeny') return [];
  switch (o.reason) {
    case 'no-permission-required':
      return [];
    case 'allowed-by-resource-policy':
      return refs(policies, 'resource-grant', f);
    case 'allowed-cross-account':
      return refs(policies, 'cross-account', f);
    case 'allowed-root-user':
      return refs(policies, 'scp', f);
    default:
      return refs(policies, 'identity-side', f);
  }
}

/**
 * Evaluates every statement of every policy, then decides from what applied (facts, then
 * `decide`, then STS's rules) and explains the outcome: the explaining path.
 */
export function explain(
  request: RequestInput,
  set: CompiledPolicySet,
  state: RequestState,
  plan: ActionPlan,
): Explanation {
  walked = 0;
  const part = participation(set, state);
  const policies: PolicyExplanation[] = [];
  const noIdentity = 'this principal has no identity-based permissions';
  for (const level of set.scp ?? [])
    for (const p of level)
      policies.push(
        explainPolicy(
          p,
          state,
          plan,
          part.scpApplies,
          'SCPs apply only to principals of member accounts',
        ),
      );
  for (const level of set.rcp)
    for (const p of level) policies.push(explainPolicy(p, state, plan, true));
  if (set.resource) policies.push(explainPolicy(set.resource, state, plan, true));
  for (const p of set.identity)
    policies.push(explainPolicy(p, state, plan, part.identityApplies, noIdentity));
  if (set.boundary)
    policies.push(explainPolicy(set.boundary, state, plan, part.boundaryApplies, noIdentity));
  for (const p of set.session ?? [])
    policies.push(
      explainPolicy(
        p,
        state,
        plan,
        part.sessionApplies,
        'session policies apply only to role sessions and federated users',
      ),
    );
  const facts = factsFromExplained(set, state, policies);
  const outcome = stsOutcome(stsRule(state), decide(facts, state));
  const who = state.principal;
  const principal: Explanation['principal'] = { text: who.text, kind: who.kind };
  if (who.account !== undefined) principal.account = who.account;
  if (state.principalArn !== undefined) principal.principalArn = state.principalArn;
  const out: Explanation = {
    decision: outcome.decision,
    decidedBy: outcome.decidedBy,
    reason: outcome.reason,
    summary: summarize(outcome),
    crossAccount:
      who.account !== undefined &&
      state.resourceAccount !== undefined &&
      who.account !== state.resourceAccount,
    principal,
    context: effectiveContext(request, state),
    policies,
    decisive: decisiveStatements(outcome, facts, policies),
  };
  if (outcome.decision !== 'Allow') out.deniedBy = outcome.decidedBy;
  if (outcome.level !== undefined) out.level = outcome.level;
  if (state.resourceAccount !== undefined) out.resourceAccount = state.resourceAccount;
  return out;
}
