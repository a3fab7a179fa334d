/**
 * The shape of one condition operator. Each operator lives in its own module under
 * `operators/` and is listed in `operator-table.ts`. An operator compiles each policy value
 * once, reads each request value once (a number, a date, an address) and then tests the read
 * value against the compiled ones; negated operators (`StringNotEquals`, ...) wrap the
 * positive one, and the condition layer applies the negation, `IfExists`, `ForAllValues:` and
 * `ForAnyValue:` rules.
 */

/** The value types of the IAM condition operators (as the service authorization reference names them). */
export type OperatorValueType =
  'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

export interface ConditionOperator<P = unknown, R = unknown> {
  /** The operator's name without qualifiers (`StringNotEquals`). */
  name: string;
  valueType: OperatorValueType;
  /** True for the `Not` forms: the condition holds when no value matches. */
  negated: boolean;
  /** Whether policy variables are resolved in its values (string and ARN operators). */
  variables: boolean;
  /** Whether `*` and `?` in policy values are wildcards. */
  wildcards: boolean;
  /** Compiles one policy value; undefined when it can never match (not a number, not a date, ...). */
  compile(policyValue: string): P | undefined;
  /** Compiles a policy value given as pattern codes (policy variables resolved, escapes kept literal). */
  compileCodes?(codes: number[]): P | undefined;
  /** Reads one request value; undefined when it can match no policy value (not a number, ...). */
  read(requestValue: string): R | undefined;
  /** Whether one read request value matches one compiled policy value (in the positive sense). */
  test(policyValue: P, requestValue: R): boolean;
}

/** The negated form of a positive operator. */
export function negate<P, R>(
  positive: ConditionOperator<P, R>,
  name: string,
): ConditionOperator<P, R> {
  return { ...positive, name, negated: true };
}
