/** StringEqualsIgnoreCase / StringNotEqualsIgnoreCase. */
import { negate, type ConditionOperator } from '../operator.ts';

export const stringEqualsIgnoreCase: ConditionOperator<string> = {
  name: 'StringEqualsIgnoreCase',
  valueType: 'String',
  negated: false,
  variables: true,
  wildcards: false,
  compile: (value) => value.toLowerCase(),
  test: (policy, request) => policy === request.toLowerCase(),
};

export const stringNotEqualsIgnoreCase = negate(
  stringEqualsIgnoreCase,
  'StringNotEqualsIgnoreCase',
);
