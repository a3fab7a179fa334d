/** Bool: `true` or `false`, compared without regard to case. */
import type { ConditionOperator } from '../operator.ts';

export const bool: ConditionOperator<string, string> = {
  name: 'Bool',
  valueType: 'Bool',
  negated: false,
  variables: false,
  wildcards: false,
  compile: (value) => {
    const lower = value.toLowerCase();
    return lower === 'true' || lower === 'false' ? lower : undefined;
  },
  read: (value) => value.toLowerCase(),
  test: (policy, request) => policy === request,
};
