/**
 * Null: `true` holds when the key is absent from the request, `false` when it is present.
 * It is the one operator that looks at presence, so the condition layer calls it with the
 * request values (an empty list when absent) rather than value by value.
 */
import type { ConditionOperator } from '../operator.ts';

export const nullCheck: ConditionOperator<boolean, string> = {
  name: 'Null',
  valueType: 'Null',
  negated: false,
  variables: false,
  wildcards: false,
  compile: (value) => {
    const lower = value.toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
  },
  read: (presence) => presence,
  /** `requestValue` is `'absent'` or `'present'`. */
  test: (expectAbsent, presence) => (presence === 'absent') === expectAbsent,
};
