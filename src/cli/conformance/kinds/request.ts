/** Runner for `request` cases: one request through `evaluate`. */
import {
  compilePolicies,
  evaluate,
  type PolicyInputs,
  type RequestInput,
} from '../../../engine/index.ts';
import {
  defaultNow,
  type CaseResult,
  type ConformanceCase,
  type KindRunner,
} from '../case-types.ts';

function inputs(testCase: ConformanceCase): { request: RequestInput; policies: PolicyInputs } {
  const request = { ...(testCase.request as RequestInput) };
  request.now ??= typeof testCase.now === 'string' ? testCase.now : defaultNow;
  return { request, policies: (testCase.policies ?? {}) as PolicyInputs };
}

export const requestRunner: KindRunner = {
  run(testCase): CaseResult {
    const { request, policies } = inputs(testCase);
    const expected =
      (testCase.expect as { decision?: string } | undefined)?.decision ?? '(no expect.decision)';
    const result = evaluate(request, compilePolicies(policies), { explain: true });
    const got = result.decision;
    return {
      pass: got === expected,
      expected,
      got,
      detail: { summary: result.explanation?.summary, decidedBy: result.explanation?.decidedBy },
    };
  },
  prepareRepeat(testCase) {
    const { request, policies } = inputs(testCase);
    const set = compilePolicies(policies);
    return () => {
      evaluate(request, set);
    };
  },
};
