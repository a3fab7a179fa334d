// Condition operators and the key types each one compares, for completion and hover: the
// engine's operator table with words for each.

import {
  operatorSummaries,
  parseOperatorName,
  type OperatorValueType,
  type SetQualifier,
} from '../../engine';

/** The operator families, each comparing one kind of value: the engine's value types. */
export type OperatorFamily = OperatorValueType;

export interface OperatorInfo {
  name: string;
  family: OperatorFamily;
  description: string;
}

/**
 * What each of the engine's operators does, in words. The operators themselves (names,
 * families, which are negated) come from the engine's table; a test holds that every engine
 * operator has its words here and that nothing here is not an engine operator.
 */
export const operatorDescriptions: Readonly<Record<string, string>> = {
  StringEquals: 'exact, case-sensitive match',
  StringNotEquals: 'negated exact, case-sensitive match',
  StringEqualsIgnoreCase: 'exact match ignoring case',
  StringNotEqualsIgnoreCase: 'negated match ignoring case',
  StringLike: 'case-sensitive match with `*` and `?` wildcards',
  StringNotLike: 'negated case-sensitive match with wildcards',
  NumericEquals: 'number equal to',
  NumericNotEquals: 'number not equal to',
  NumericLessThan: 'number less than',
  NumericLessThanEquals: 'number less than or equal to',
  NumericGreaterThan: 'number greater than',
  NumericGreaterThanEquals: 'number greater than or equal to',
  DateEquals: 'date equal to (ISO 8601 or epoch seconds)',
  DateNotEquals: 'date not equal to',
  DateLessThan: 'date before',
  DateLessThanEquals: 'date at or before',
  DateGreaterThan: 'date after',
  DateGreaterThanEquals: 'date at or after',
  Bool: 'boolean match: `"true"` or `"false"`',
  BinaryEquals: 'byte-for-byte match of a base64 value',
  IpAddress: 'address within a CIDR range',
  NotIpAddress: 'address outside every CIDR range',
  ArnEquals: 'ARN match, each of its six parts compared',
  ArnLike: 'ARN match with wildcards per part',
  ArnNotEquals: 'negated ARN match',
  ArnNotLike: 'negated ARN match with wildcards',
  Null: '`"true"`: the key is absent; `"false"`: it is present',
};

const base: readonly OperatorInfo[] = operatorSummaries.map((op) => ({
  name: op.name,
  family: op.valueType,
  description: operatorDescriptions[op.name] ?? op.name,
}));

/** Every operator, with its `...IfExists` form (none for `Null`). */
export const conditionOperators: readonly OperatorInfo[] = base.flatMap((op) =>
  op.family === 'Null'
    ? [op]
    : [
        op,
        {
          name: `${op.name}IfExists`,
          family: op.family,
          description: `${op.description}, or true when the key is absent`,
        },
      ],
);

export const setQualifiers: readonly SetQualifier[] = ['ForAnyValue', 'ForAllValues'];

export interface ParsedOperator {
  qualifier?: SetQualifier;
  operator: OperatorInfo;
}

const byLowerName = new Map(conditionOperators.map((op) => [op.name.toLowerCase(), op]));

/** Splits `ForAnyValue:StringLikeIfExists` into its set qualifier and operator, case-insensitively (the engine's reading). */
export function parseOperator(name: string): ParsedOperator | undefined {
  const parsed = parseOperatorName(name);
  if (!parsed.operator) return undefined;
  const full = `${parsed.operator.name}${parsed.ifExists ? 'IfExists' : ''}`;
  const operator = byLowerName.get(full.toLowerCase());
  if (!operator) return undefined;
  return parsed.qualifier ? { qualifier: parsed.qualifier, operator } : { operator };
}

const scalarOf = (type: string) => type.replace(/^ArrayOf/, '');
const isMultivalued = (type: string) => type.startsWith('ArrayOf');

/** The operator families that compare a key of this type. Null fits every key. */
export function familiesForKeyType(type: string): readonly OperatorFamily[] {
  switch (scalarOf(type)) {
    case 'ARN':
      return ['ARN', 'String', 'Null'];
    case 'Numeric':
      return ['Numeric', 'Null'];
    case 'Date':
      return ['Date', 'Null'];
    case 'Bool':
      return ['Bool', 'Null'];
    case 'IPAddress':
      return ['IPAddress', 'Null'];
    case 'Binary':
      return ['Binary', 'Null'];
    default:
      return ['String', 'Null'];
  }
}

/**
 * Whether `operatorName` fits a key of `type`: the family must compare that type, and a
 * multivalued key takes a set qualifier while a single-valued key takes none (Null never does).
 */
export function operatorFitsKeyType(operatorName: string, type: string): boolean {
  const parsed = parseOperator(operatorName);
  if (!parsed) return false;
  if (!familiesForKeyType(type).includes(parsed.operator.family)) return false;
  if (parsed.operator.family === 'Null') return parsed.qualifier === undefined;
  return isMultivalued(type) === (parsed.qualifier !== undefined);
}

/** Operator names (with qualifier where the type needs one) that fit a key of `type`. */
export function operatorsForKeyType(type: string): string[] {
  const names = conditionOperators.map((op) => op.name);
  const qualified = isMultivalued(type)
    ? setQualifiers.flatMap((q) => names.map((n) => `${q}:${n}`))
    : names;
  return qualified
    .filter((name) => operatorFitsKeyType(name, type))
    .concat(isMultivalued(type) ? ['Null'] : []);
}
