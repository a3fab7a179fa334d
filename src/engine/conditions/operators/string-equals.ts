/** StringEquals / StringNotEquals: exact, case-sensitive. */
import { negate, type ConditionOperator } from '../operator.ts';

export const stringEquals: ConditionOperator<string, string> = {
  name: 'StringEquals',
  valueType: 'String',
  negated: false,
  variables: true,
  wildcards: false,
  compile: (value) => value,
  read: (value) => value,
  test: (policy, request) => policy === request,
};

export const stringNotEquals = negate(stringEquals, 'StringNotEquals');
