/** The evaluation entry point: one request against a compiled policy set. */
import type { Decision, RequestInput } from '../types.ts';
import type { CompiledPolicySet } from './compile.ts';
import { requestState, scratchState } from './context.ts';
import { explain, type Explanation } from './explain.ts';
import { fastDecision } from './plan.ts';
import { stsRule } from './sts-rules.ts';

export interface EvaluateOptions {
  /** Build the {@link Explanation} too (slower; the decision is the same). */
  explain?: boolean;
}

export interface Evaluation {
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
  if (!options?.explain) return { decision: decisionOf(request, policies) };
  const state = requestState(request, policies.boundary !== undefined);
  const explanation = explain(request, policies, state);
  return { decision: explanation.decision, explanation };
}

/** The fast path: the decision alone, with no allocation per request. */
function decisionOf(request: RequestInput, policies: CompiledPolicySet): Decision {
  const state = scratchState(request, policies.boundary !== undefined);
  const rule = stsRule(state);
  if (rule?.decision === 'Allow') return 'Allow';
  const decision = fastDecision(policies, state);
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
