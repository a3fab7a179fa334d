/** The evaluation entry point: one request against a compiled policy set. */
import type { Decision, RequestInput } from '../types.ts';
import type { CompiledPolicySet } from './compile.ts';
import { scratchState } from './context.ts';
import { explain, type Explanation } from './explain.ts';
import { fastDecision, planFor } from './plan.ts';
import { stsRule } from './sts-rules.ts';

export interface EvaluateOptions {
  /** Build the {@link Explanation} too (slower; the decision is the same). */
  explain?: boolean;
}

export interface Evaluation {
  /** Without `{ explain: true }` the result is shared and frozen (nothing is made per request). */
  decision: Decision;
  /** Present only when asked for with `{ explain: true }`. */
  explanation?: Explanation;
}

/**
 * Evaluates one request as AWS would: explicit denies anywhere, RCPs and SCPs by level,
 * then the resource-based and identity-side policies by the same-account and cross-account
 * rules. Time comes only from the request (`now`, or `aws:CurrentTime` in its context).
 */
export function evaluate(
  request: RequestInput,
  policies: CompiledPolicySet,
  options?: EvaluateOptions,
): Evaluation {
  if (!options?.explain) return decided[decisionOf(request, policies)];
  const plan = planFor(policies, request.action);
  const state = scratchState(request, plan.actionLower, policies);
  const explanation = explain(policies, state, plan, request);
  return { decision: explanation.decision, explanation };
}

const decided: Readonly<Record<Decision, Evaluation>> = {
  Allow: Object.freeze({ decision: 'Allow' }),
  ExplicitDeny: Object.freeze({ decision: 'ExplicitDeny' }),
  ImplicitDeny: Object.freeze({ decision: 'ImplicitDeny' }),
};

/** The fast path: the decision alone, with no allocation per request. */
function decisionOf(request: RequestInput, policies: CompiledPolicySet): Decision {
  const plan = planFor(policies, request.action);
  const state = scratchState(request, plan.actionLower, policies);
  const rule = stsRule(state);
  if (rule?.decision === 'Allow') return 'Allow';
  const decision = fastDecision(plan, policies, state);
  return rule !== undefined && decision !== 'ExplicitDeny' ? rule.decision : decision;
}

/**
 * Evaluates many requests against one compiled set (the analysis asks millions of questions
 * of the same policies): the decisions, in request order, written into `out` when given.
 * Same decisions as {@link evaluate} one by one.
 */
export function evaluateBatch(
  requests: readonly RequestInput[],
  policies: CompiledPolicySet,
  out: Decision[] = [],
): Decision[] {
  out.length = requests.length;
  for (let i = 0; i < requests.length; i++) out[i] = decisionOf(requests[i]!, policies);
  return out;
}
