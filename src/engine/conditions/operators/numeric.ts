/** The numeric operators: integers and decimals; a value that is no number never matches. */
import { negate, type ConditionOperator } from '../operator.ts';

const numberPattern = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Parses an IAM numeric value. */
export function parseNumber(text: string): number | undefined {
  return numberPattern.test(text) ? Number(text) : undefined;
}

function numeric(
  name: string,
  compare: (request: number, policy: number) => boolean,
): ConditionOperator<number, number> {
  return {
    name,
    valueType: 'Numeric',
    negated: false,
    variables: false,
    wildcards: false,
    compile: parseNumber,
    read: parseNumber,
    test: (policy, request) => compare(request, policy),
  };
}

export const numericEquals = numeric('NumericEquals', (r, p) => r === p);
export const numericNotEquals = negate(numericEquals, 'NumericNotEquals');
export const numericLessThan = numeric('NumericLessThan', (r, p) => r < p);
export const numericLessThanEquals = numeric('NumericLessThanEquals', (r, p) => r <= p);
export const numericGreaterThan = numeric('NumericGreaterThan', (r, p) => r > p);
export const numericGreaterThanEquals = numeric('NumericGreaterThanEquals', (r, p) => r >= p);
