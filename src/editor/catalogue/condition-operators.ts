// Condition operators and the key types each one compares, for completion and hover.

/** The operator families, each comparing one kind of value. */
export type OperatorFamily =
  'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

export interface OperatorInfo {
  name: string;
  family: OperatorFamily;
  description: string;
}

const base: readonly OperatorInfo[] = [
  { name: 'StringEquals', family: 'String', description: 'exact, case-sensitive match' },
  { name: 'StringNotEquals', family: 'String', description: 'negated exact, case-sensitive match' },
  { name: 'StringEqualsIgnoreCase', family: 'String', description: 'exact match ignoring case' },
  {
    name: 'StringNotEqualsIgnoreCase',
    family: 'String',
    description: 'negated match ignoring case',
  },
  {
    name: 'StringLike',
    family: 'String',
    description: 'case-sensitive match with `*` and `?` wildcards',
  },
  {
    name: 'StringNotLike',
    family: 'String',
    description: 'negated case-sensitive match with wildcards',
  },
  { name: 'NumericEquals', family: 'Numeric', description: 'number equal to' },
  { name: 'NumericNotEquals', family: 'Numeric', description: 'number not equal to' },
  { name: 'NumericLessThan', family: 'Numeric', description: 'number less than' },
  { name: 'NumericLessThanEquals', family: 'Numeric', description: 'number less than or equal to' },
  { name: 'NumericGreaterThan', family: 'Numeric', description: 'number greater than' },
  {
    name: 'NumericGreaterThanEquals',
    family: 'Numeric',
    description: 'number greater than or equal to',
  },
  { name: 'DateEquals', family: 'Date', description: 'date equal to (ISO 8601 or epoch seconds)' },
  { name: 'DateNotEquals', family: 'Date', description: 'date not equal to' },
  { name: 'DateLessThan', family: 'Date', description: 'date before' },
  { name: 'DateLessThanEquals', family: 'Date', description: 'date at or before' },
  { name: 'DateGreaterThan', family: 'Date', description: 'date after' },
  { name: 'DateGreaterThanEquals', family: 'Date', description: 'date at or after' },
  { name: 'Bool', family: 'Bool', description: 'boolean match: `"true"` or `"false"`' },
  { name: 'BinaryEquals', family: 'Binary', description: 'byte-for-byte match of a base64 value' },
  { name: 'IpAddress', family: 'IPAddress', description: 'address within a CIDR range' },
  { name: 'NotIpAddress', family: 'IPAddress', description: 'address outside every CIDR range' },
  { name: 'ArnEquals', family: 'ARN', description: 'ARN match, each of its six parts compared' },
  { name: 'ArnLike', family: 'ARN', description: 'ARN match with wildcards per part' },
  { name: 'ArnNotEquals', family: 'ARN', description: 'negated ARN match' },
  { name: 'ArnNotLike', family: 'ARN', description: 'negated ARN match with wildcards' },
  {
    name: 'Null',
    family: 'Null',
    description: '`"true"`: the key is absent; `"false"`: it is present',
  },
];

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

export const setQualifiers = ['ForAnyValue', 'ForAllValues'] as const;

export interface ParsedOperator {
  qualifier?: (typeof setQualifiers)[number];
  operator: OperatorInfo;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its set qualifier and operator, case-insensitively. */
export function parseOperator(name: string): ParsedOperator | undefined {
  const colon = name.indexOf(':');
  const prefix = colon >= 0 ? name.slice(0, colon) : undefined;
  const qualifier = prefix && setQualifiers.find((q) => q.toLowerCase() === prefix.toLowerCase());
  if (prefix && !qualifier) return undefined;
  const rest = (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
  const operator = conditionOperators.find((op) => op.name.toLowerCase() === rest);
  if (!operator) return undefined;
  return qualifier ? { qualifier, operator } : { operator };
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
