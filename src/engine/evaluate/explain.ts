/**
 * The explanation of a decision (built only when asked): every policy and statement with
 * whether it applied and why not, the decisive statements and the kind that decided.
 */
import type { ContextValue, DecidingKind, Decision, PolicyKind, RequestInput } from '../types.ts';
import type { PrincipalKind } from '../principal/principal-info.ts';
import type { CompiledPolicy, CompiledPolicySet, CompiledStatement } from './compile.ts';
import {
  effectiveContext,
  keepRequest,
  restoredState,
  type KeptRequest,
  type RequestState,
} from './context.ts';
import { FactsTally, participation, type Facts, type Participation } from './facts.ts';
import { decide, isKeyRequest, isRoleAction, type Outcome, type ReasonCode } from './decide.ts';
import { stsOutcome, stsRule } from './sts-rules.ts';
import type { ActionPlan } from './plan.ts';
import { appliesBeyondAction, explainStatement, type StatementExplanation } from './statement.ts';

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
/** The facts, gathered from the statements that apply (reused: evaluation is synchronous). */
const tally = new FactsTally();
/**
 * The statements of considered policies that applied, denies and allows apart, each in
 * explanation order: the decisive statements are picked from these (reused; `denied` and
 * `allowed` of them are in use).
 */
const appliedDenies: CompiledStatement[] = [];
const appliedAllows: CompiledStatement[] = [];
let denied = 0;
let allowed = 0;

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
    if (c.effect === 'Deny') denies = true;
    else allows = true;
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

/** Every policy of the set explained, statement by statement, in evaluation order. */
function explainPolicies(
  set: CompiledPolicySet,
  state: RequestState,
  plan: ActionPlan,
  part: Participation,
): PolicyExplanation[] {
  walked = 0;
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
  return policies;
}

/**
 * Tallies the statements of one list of the plan (their Action covers the request's action and
 * their Effect is valid) that apply, with the fast path's test; those of considered policies
 * are noted for the decisive statements.
 */
function tallyApplied(
  list: readonly CompiledStatement[],
  state: RequestState,
  attached: boolean,
  considered: boolean,
): void {
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    const match = appliesBeyondAction(s, state, attached);
    if (match === null) continue;
    const deny = s.effect === 'Deny';
    tally.add(s.policy.kind, s.policy.level, deny, match);
    if (!considered) continue;
    if (deny) appliedDenies[denied++] = s;
    else appliedAllows[allowed++] = s;
  }
}

/**
 * The facts of the request, from the statements that can apply to its action (the plan's
 * lists, in explanation order). A kind that takes no part is skipped: `FactsTally.facts`
 * leaves it out anyway (RCP allows are not in the plan: they decide nothing).
 */
function gatherFacts(
  set: CompiledPolicySet,
  state: RequestState,
  plan: ActionPlan,
  part: Participation,
): Facts {
  tally.reset();
  denied = 0;
  allowed = 0;
  if (part.scpApplies) {
    tallyApplied(plan.scpDeny, state, false, true);
    for (let l = 0; l < plan.scpAllow.length; l++)
      tallyApplied(plan.scpAllow[l]!, state, false, true);
  }
  tallyApplied(plan.rcpDeny, state, true, true);
  tallyApplied(plan.resourceDeny, state, true, true);
  tallyApplied(plan.resourceAllow, state, true, true);
  if (part.identityApplies) {
    tallyApplied(plan.identityDeny, state, false, true);
    tallyApplied(plan.identityAllow, state, false, true);
  }
  if (part.boundaryApplies) {
    tallyApplied(plan.boundaryDeny, state, false, true);
    tallyApplied(plan.boundaryAllow, state, false, true);
  }
  if (part.sessionApplies) {
    tallyApplied(plan.sessionDeny, state, false, true);
    tallyApplied(plan.sessionAllow, state, false, true);
  }
  return tally.facts(set, part);
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

/**
 * The applied statements of considered policies that `pick` selects, in explanation order.
 * A deny picks from the applied denies; every other pick is made for an Allow, when no
 * considered Deny applied, so from the applied allows.
 */
function refs(pick: Pick, f: Facts): StatementRef[] {
  const out: StatementRef[] = [];
  const list = pick === 'deny' ? appliedDenies : appliedAllows;
  const n = pick === 'deny' ? denied : allowed;
  for (let i = 0; i < n; i++) {
    const s = list[i]!;
    const p = s.policy;
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

/** What an explanation needs to make its context and policies when they are first read. */
interface Deferred {
  set: CompiledPolicySet;
  plan: ActionPlan;
  part: Participation;
  request: KeptRequest;
  /** Kept once made (or assigned). */
  context: Record<string, ContextValue> | undefined;
  policies: PolicyExplanation[] | undefined;
}

/** Returns the object it is given, so that a subclass's private field is added to that object. */
class Given {
  constructor(o: object) {
    return o;
  }
}

/**
 * Gives an explanation its {@link Deferred} as a private field: no for-in, JSON, structured
 * clone, `Reflect.ownKeys` or deep-equal sees it, the explanation stays a plain object (its
 * prototype and constructor are Object's), and adding it is an ordinary store (a hidden
 * property defined with `Object.defineProperty` costs ten times as much).
 */
class Deferring extends Given {
  #deferred: Deferred | undefined;

  constructor(o: object, d: Deferred) {
    super(o);
    this.#deferred = d;
  }

  static of(o: object): Deferred | undefined {
    return #deferred in o ? (o as Deferring).#deferred : undefined;
  }
}

/** The effective context, made from the request as it was evaluated. */
function deferredContext(d: Deferred): Record<string, ContextValue> {
  return (d.context ??= effectiveContext(restoredState(d.request, d.plan.actionLower, d.set)));
}

/**
 * Every statement of every policy explained: the explaining pass, on the request as it was
 * evaluated (kept apart from the request object, which its caller may change since).
 */
function deferredPolicies(d: Deferred): PolicyExplanation[] {
  if (d.policies === undefined) {
    const state = restoredState(d.request, d.plan.actionLower, d.set);
    d.policies = explainPolicies(d.set, state, d.plan, d.part);
  }
  return d.policies;
}

/**
 * `context` and `policies`: made when first read, then kept (assigning one replaces it). The
 * descriptors are shared: only the hidden {@link Deferred} differs from one explanation to
 * the next. They stay accessors (turning them into data properties on read cost more than it
 * saved); every reader that copies, prints or compares an explanation reads through them.
 */
const contextDescriptor: PropertyDescriptor = {
  get(this: object) {
    const d = Deferring.of(this);
    return d === undefined ? {} : deferredContext(d);
  },
  set(this: object, value: Record<string, ContextValue>) {
    const d = Deferring.of(this);
    if (d !== undefined) d.context = value;
  },
  enumerable: true,
  configurable: true,
};
const policiesDescriptor: PropertyDescriptor = {
  get(this: object) {
    const d = Deferring.of(this);
    return d === undefined ? [] : deferredPolicies(d);
  },
  set(this: object, value: PolicyExplanation[]) {
    const d = Deferring.of(this);
    if (d !== undefined) d.policies = value;
  },
  enumerable: true,
  configurable: true,
};

/**
 * Decides from the statements that apply (facts, then `decide`, then STS's rules) and explains
 * the outcome: the explaining path. The effective `context` and `policies` (every statement of
 * every policy explained) are made when first read (see {@link contextDescriptor}); the rest now.
 */
export function explain(
  set: CompiledPolicySet,
  state: RequestState,
  plan: ActionPlan,
  request: RequestInput,
): Explanation {
  const part: Participation = participation(set, state);
  const facts = gatherFacts(set, state, plan, part);
  const outcome = stsOutcome(stsRule(state), decide(facts, state));
  const who = state.principal;
  const principal: Explanation['principal'] = {
    text: who.text,
    kind: who.kind,
  };
  if (who.account !== undefined) principal.account = who.account;
  if (state.principalArn !== undefined) principal.principalArn = state.principalArn;
  const out = {
    decision: outcome.decision,
    decidedBy: outcome.decidedBy,
    reason: outcome.reason,
    summary: summarize(outcome),
    crossAccount:
      who.account !== undefined &&
      state.resourceAccount !== undefined &&
      who.account !== state.resourceAccount,
    principal,
  } as Explanation;
  const d: Deferred = {
    set,
    plan,
    part,
    request: keepRequest(request, state),
    context: undefined,
    policies: undefined,
  };
  new Deferring(out, d);
  Object.defineProperty(out, 'context', contextDescriptor);
  Object.defineProperty(out, 'policies', policiesDescriptor);
  out.decisive = decisiveStatements(outcome, facts);
  if (outcome.decision !== 'Allow') out.deniedBy = outcome.decidedBy;
  if (outcome.level !== undefined) out.level = outcome.level;
  if (state.resourceAccount !== undefined) out.resourceAccount = state.resourceAccount;
  return out;
}
