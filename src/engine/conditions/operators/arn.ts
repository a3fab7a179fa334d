/**
 * ArnEquals / ArnLike and their negations: the six colon-separated components are compared
 * one by one, each with `*` and `?` wildcards (ArnEquals and ArnLike behave alike).
 */
import { compileArnPattern, splitArn } from '../../match/arn.ts';
import { negate, type ConditionOperator } from '../operator.ts';

type ArnTest = (value: string, arn: readonly string[] | null) => boolean;

function arnOperator(name: string): ConditionOperator<ArnTest, string> {
  return {
    name,
    valueType: 'ARN',
    negated: false,
    variables: true,
    wildcards: true,
    compile: (value) => compileArnPattern(value),
    read: (value) => value,
    test: (policy, request) => {
      const arn = splitArn(request);
      return arn !== null && policy(request, arn);
    },
  };
}

export const arnEquals = arnOperator('ArnEquals');
export const arnLike = arnOperator('ArnLike');
export const arnNotEquals = negate(arnEquals, 'ArnNotEquals');
export const arnNotLike = negate(arnLike, 'ArnNotLike');
