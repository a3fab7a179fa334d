/** StringEqualsIgnoreCase / StringNotEqualsIgnoreCase. */
import { negate, type ConditionOperator } from '../operator.ts';

export const stringEqualsIgnoreCase: ConditionOperator<string, string> = {
  name: 'StringEqualsIgnoreCase',
  valueType: 'String',
  negated: false,
  variables: true,
  wildcards: false,
  compile: (value) => value.toLowerCase(),
  read: (value) => value.toLowerCase(),
  test: (policy, request) => policy === request,
};

export const stringNotEqualsIgnoreCase = negate(
  stringEqualsIgnoreCase,
  'StringNotEqualsIgnoreCase',
);
