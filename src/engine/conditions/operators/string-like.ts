/** StringLike / StringNotLike: case-sensitive with `*` and `?` wildcards. */
import { compileCodes, globCodes, type StringTest } from '../../match/glob.ts';
import { negate, type ConditionOperator } from '../operator.ts';

export const stringLike: ConditionOperator<StringTest, string> = {
  name: 'StringLike',
  valueType: 'String',
  negated: false,
  variables: true,
  wildcards: true,
  compile: (value) => compileCodes(globCodes(value)),
  compileCodes: (codes) => compileCodes(codes),
  read: (value) => value,
  test: (policy, request) => policy(request),
};

export const stringNotLike = negate(stringLike, 'StringNotLike');
