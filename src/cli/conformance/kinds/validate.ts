/** Runner for `validate` cases: whether IAM would accept the policy for its type. */
import {
  isValidPolicy,
  policyTypes,
  validatePolicy,
  type PolicyDocument,
  type PolicyType,
} from '../../../engine/index.ts';
import type { CaseResult, KindRunner } from '../case-types.ts';

const verdict = (valid: boolean) => (valid ? 'valid' : 'invalid');

export const validateRunner: KindRunner = {
  run(testCase): CaseResult {
    const type = testCase.policyType as PolicyType;
    const expectedValid = (testCase.expect as { valid?: boolean } | undefined)?.valid;
    const expected = expectedValid === undefined ? '(no expect.valid)' : verdict(expectedValid);
    if (!policyTypes.includes(type))
      return {
        pass: false,
        expected,
        got: `unknown policyType \`${String(testCase.policyType)}\``,
      };
    const diagnostics = validatePolicy(testCase.policy as string | PolicyDocument, type);
    const got = verdict(isValidPolicy(diagnostics));
    const errors = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.code}: ${d.message}`);
    return {
      pass: got === expected,
      expected,
      got: errors.length > 0 && got !== expected ? `${got} (${errors.join('; ')})` : got,
      detail: { diagnostics },
    };
  },
};
