/**
 * The explanation of a decision (built only when asked): every policy and statement with
 * whether it applied and why not, the decisive statements and the kind that decided.
 */
import type { ContextValue, DecidingKind, Decision, PolicyKind } from '../types.ts';
import type { PrincipalKind } from '../principal/principal-info.ts';
import type { CompiledPolicy, CompiledPolicySet, CompiledStatement } from './compile.ts';
import { effectiveContext, type RequestState } from './context.ts';
import { FactsTally, participation, type Facts, type Participation } from './facts.ts';
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
  principal: {
    text: string;
    kind: PrincipalKind;
    account?: string;
    principalArn?: string;
  };
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
/** The facts, gathered as statements are explained (reused: evaluation is synchronous). */
const tally = new FactsTally();
/**
 * The statements that applied so far, with their policies, in explanation order: the
 * decisive statements are picked from these (reused; `applied` of them are in use).
 */
const appliedPolicies: CompiledPolicy[] = [];
const appliedStatements: CompiledStatement[] = [];
let applied = 0;

/**
 * One policy explanation literal per shape (`level`, `notConsideredReason` or neither), so
 * nothing is added after it is made; the optional keys come last, as they always have.
 */
function policyOf(
  p: CompiledPolicy,
  label: string,
  considered: boolean,
  allows: boolean,
  denies: boolean,
  statements: StatementExplanation[],
  why: string | undefined,
): PolicyExplanation {
  const { kind, index, implicit, level } = p;
  const notConsideredReason = considered ? undefined : why;
  if (level === undefined)
    return notConsideredReason
      ? {
          kind,
          index,
          implicit,
          label,
          considered,
          allows,
          denies,
          statements,
          notConsideredReason,
        }
      : {
          kind,
          index,
          implicit,
          label,
          considered,
          allows,
          denies,
          statements,
        };
  return notConsideredReason
    ? {
        kind,
        index,
        implicit,
        label,
        considered,
        allows,
        denies,
        statements,
        level,
        notConsideredReason,
      }
    : {
        kind,
        index,
        implicit,
        label,
        considered,
        allows,
        denies,
        statements,
        level,
      };
}

function explainPolicy(
  p: CompiledPolicy,
  state: RequestState,
  plan: ActionPlan,
  considered: boolean,
  why?: string,
): PolicyExplanation {
  const attached = p.kind === 'resource' || p.kind === 'rcp';
  const compiled = p.statements;
  const statements: StatementExplanation[] = new Array(compiled.length);
  const covers = plan.covers;
  let allows = false;
  let denies = false;
  for (let i = 0; i < compiled.length; i++) {
    const c = compiled[i]!;
    const s = explainStatement(c, state, attached, covers[walked++] === 1, plan);
    statements[i] = s;
    if (!s.applied) continue;
    // A statement applies only with a valid Effect.
    const deny = c.effect === 'Deny';
    if (deny) denies = true;
    else allows = true;
    tally.add(p.kind, p.level, deny, attached ? (s.principalMatch ?? null) : 'applies');
    if (considered) {
      appliedPolicies[applied] = p;
      appliedStatements[applied++] = c;
    }
  }
  return policyOf(
    p,
    label(p, state),
    considered,
    considered && allows,
    considered && denies,
    statements,
    why,
  );
}

/** Which applied statements count as decisive. */
type Pick = 'deny' | 'resource-grant' | 'cross-account' | 'scp' | 'identity-side';

function picked(pick: Pick, p: CompiledPolicy, s: CompiledStatement, f: Facts): boolean {
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

/** The applied statements of considered policies that `pick` selects, in explanation order. */
function refs(pick: Pick, f: Facts): StatementRef[] {
  const out: StatementRef[] = [];
  for (let i = 0; i < applied; i++) {
    const p = appliedPolicies[i]!;
    const s = appliedStatements[i]!;
    if (!picked(pick, p, s, f)) continue;
    const kind = p.kind;
    const policyIndex = p.index;
    const statementIndex = s.index;
    const effect = s.effect!;
    const { level } = p;
    const { sid } = s;
    // One literal per shape; `level` and `sid` last, as they always have been.
    out.push(
      level === undefined
        ? sid === undefined
          ? { kind, policyIndex, statementIndex, effect }
          : { kind, policyIndex, statementIndex, effect, sid }
        : sid === undefined
          ? { kind, policyIndex, statementIndex, effect, level }
          : { kind, policyIndex, statementIndex, effect, level, sid },
    );
  }
  return out;
}

function decisiveStatements(o: Outcome, f: Facts): StatementRef[] {
  if (o.decision === 'ExplicitDeny') return refs('deny', f);
  if (o.decision === 'ImplicitDeny') return [];
  switch (o.reason) {
    case 'no-permission-required':
      return [];
    case 'allowed-by-resource-policy':
      return refs('resource-grant', f);
    case 'allowed-cross-account':
      return refs('cross-account', f);
    case 'allowed-root-user':
      return refs('scp', f);
    default:
      return refs('identity-side', f);
  }
}

/**
 * Evaluates every statement of every policy, then decides from what applied (facts, then
 * `decide`, then STS's rules) and explains the outcome: the explaining path.
 */
export function explain(
  set: CompiledPolicySet,
  state: RequestState,
  plan: ActionPlan,
): Explanation {
  walked = 0;
  applied = 0;
  tally.reset();
  const part: Participation = participation(set, state);
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
  const facts = tally.facts(set, part);
  const outcome = stsOutcome(stsRule(state), decide(facts, state));
  const who = state.principal;
  const principal: Explanation['principal'] = {
    text: who.text,
    kind: who.kind,
  };
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
    context: effectiveContext(state),
    policies,
    decisive: decisiveStatements(outcome, facts),
  };
  if (outcome.decision !== 'Allow') out.deniedBy = outcome.decidedBy;
  if (outcome.level !== undefined) out.level = outcome.level;
  if (state.resourceAccount !== undefined) out.resourceAccount = state.resourceAccount;
  return out;
}
