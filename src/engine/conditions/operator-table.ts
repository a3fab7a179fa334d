/** Every IAM condition operator by name (without `IfExists` or a set qualifier). */
import type { ConditionOperator, OperatorValueType } from './operator.ts';
import { arnEquals, arnLike, arnNotEquals, arnNotLike } from './operators/arn.ts';
import { binaryEquals } from './operators/binary.ts';
import { bool } from './operators/bool.ts';
import {
  dateEquals,
  dateGreaterThan,
  dateGreaterThanEquals,
  dateLessThan,
  dateLessThanEquals,
  dateNotEquals,
} from './operators/date.ts';
import { ipAddress, notIpAddress } from './operators/ip-address.ts';
import { nullCheck } from './operators/null.ts';
import {
  numericEquals,
  numericGreaterThan,
  numericGreaterThanEquals,
  numericLessThan,
  numericLessThanEquals,
  numericNotEquals,
} from './operators/numeric.ts';
import {
  stringEqualsIgnoreCase,
  stringNotEqualsIgnoreCase,
} from './operators/string-equals-ignore-case.ts';
import { stringEquals, stringNotEquals } from './operators/string-equals.ts';
import { stringLike, stringNotLike } from './operators/string-like.ts';

const all: ConditionOperator<never>[] = [
  stringEquals,
  stringNotEquals,
  stringEqualsIgnoreCase,
  stringNotEqualsIgnoreCase,
  stringLike,
  stringNotLike,
  numericEquals,
  numericNotEquals,
  numericLessThan,
  numericLessThanEquals,
  numericGreaterThan,
  numericGreaterThanEquals,
  dateEquals,
  dateNotEquals,
  dateLessThan,
  dateLessThanEquals,
  dateGreaterThan,
  dateGreaterThanEquals,
  bool,
  binaryEquals,
  ipAddress,
  notIpAddress,
  arnEquals,
  arnLike,
  arnNotEquals,
  arnNotLike,
  nullCheck,
] as ConditionOperator<never>[];

/** Operators keyed by their lower-case name (operator names match case-insensitively). */
const operatorTable: ReadonlyMap<string, ConditionOperator<unknown>> = new Map(
  all.map((op) => [op.name.toLowerCase(), op as ConditionOperator<unknown>]),
);

/** What an operator is, without its evaluation: for the editor's completions, hover and docs. */
export interface OperatorSummary {
  name: string;
  valueType: OperatorValueType;
  negated: boolean;
  wildcards: boolean;
}

/** Every operator the engine evaluates, in the table's order. */
export const operatorSummaries: readonly OperatorSummary[] = all.map(
  ({ name, valueType, negated, wildcards }) => ({ name, valueType, negated, wildcards }),
);

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface OperatorName {
  operator: ConditionOperator<unknown> | undefined;
  qualifier: SetQualifier | undefined;
  ifExists: boolean;
  /** The base name as written, for messages. */
  base: string;
}

/** Reads `ForAnyValue:StringLikeIfExists` into its parts; `operator` is undefined when unknown. */
export function parseOperatorName(text: string): OperatorName {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    else if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else return { operator: undefined, qualifier: undefined, ifExists: false, base: rest };
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  return { operator: operatorTable.get(rest.toLowerCase()), qualifier, ifExists, base: rest };
}
