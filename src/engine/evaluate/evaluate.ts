/** The evaluation entry point: one request against a compiled policy set. */
import type { Decision, RequestInput } from '../types.ts';
import type { CompiledPolicySet } from './compile.ts';
import { requestState } from './context.ts';
import { decide } from './decide.ts';
import { explain, type Explanation } from './explain.ts';
import { gatherFacts } from './facts.ts';
import { stsOutcome, stsRule } from './sts-rules.ts';

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
  const state = requestState(request, policies.boundary !== undefined);
  const rule = stsRule(state);
  if (rule?.decision === 'Allow' && !options?.explain) return { decision: 'Allow' };
  const facts = gatherFacts(policies, state);
  const outcome = stsOutcome(rule, decide(facts, state));
  if (options?.explain)
    return {
      decision: outcome.decision,
      explanation: explain(request, policies, state, facts, outcome),
    };
  return { decision: outcome.decision };
}
