/**
 * The explanation of a decision (built only when asked): every policy and statement with
 * whether it applied and why not, the decisive statements and the kind that decided.
 */
import type { ContextValue, DecidingKind, Decision, PolicyKind, RequestInput } from '../types.ts';
import type { PrincipalKind } from '../principal/principal-info.ts';
import { decisiveStatements, gatherFacts, testedResults } from './applied.ts';
import type { CompiledPolicySet } from './compile.ts';
import { keepRequest, type RequestState } from './context.ts';
import { decide, type ReasonCode } from './decide.ts';
import { contextDescriptor, Deferring, policiesDescriptor, type Deferred } from './deferred.ts';
import { participation, type Participation } from './facts.ts';
import type { ActionPlan } from './plan.ts';
import { stsOutcome, stsRule } from './sts-rules.ts';
import type { StatementExplanation } from './statement.ts';
import { summarize } from './summary.ts';

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
    tested: testedResults(),
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
