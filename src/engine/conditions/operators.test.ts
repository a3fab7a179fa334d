import { describe, expect, it } from 'vitest';
import { compileCondition, conditionHolds, explainCondition } from './condition.ts';
import { RequestContext } from '../evaluate/request-context.ts';
import { parsePrincipal } from '../principal/principal-info.ts';
import type { ContextValue } from '../types.ts';

/** A request context holding exactly these keys (an anonymous caller derives none of them). */
function context(values: Record<string, ContextValue>): RequestContext {
  return new RequestContext().reset(values, undefined, parsePrincipal('anonymous'), undefined);
}

function holds(
  operator: string,
  policy: string | string[],
  request: ContextValue | undefined,
  version = '2012-10-17',
  extra: Record<string, ContextValue> = {},
): boolean {
  const c = compileCondition(
    operator,
    'k',
    Array.isArray(policy) ? policy : [policy],
    version === '2012-10-17',
  );
  return conditionHolds(c, context(request === undefined ? extra : { k: request, ...extra }));
}

type Row = [
  operator: string,
  policy: string | string[],
  request: ContextValue | undefined,
  expected: boolean,
];

const table: Record<string, Row[]> = {
  StringEquals: [
    ['StringEquals', 'data', 'data', true],
    ['StringEquals', 'data', 'Data', false],
    ['StringEquals', ['a', 'b'], 'b', true],
    ['StringEquals', 'a*', 'abc', false],
    ['StringEquals', 'data', undefined, false],
  ],
  StringNotEquals: [
    ['StringNotEquals', 'data', 'other', true],
    ['StringNotEquals', ['a', 'b'], 'b', false],
    ['StringNotEquals', 'data', undefined, true],
  ],
  StringEqualsIgnoreCase: [
    ['StringEqualsIgnoreCase', 'data', 'DATA', true],
    ['StringEqualsIgnoreCase', 'data', 'date', false],
  ],
  StringNotEqualsIgnoreCase: [
    ['StringNotEqualsIgnoreCase', 'data', 'DATA', false],
    ['StringNotEqualsIgnoreCase', 'data', 'x', true],
  ],
  StringLike: [
    ['StringLike', 'cc-??-*', 'cc-42-east', true],
    ['StringLike', 'cc-??-*', 'cc-4-east', false],
    ['StringLike', 'home/*', 'home/', true],
    ['StringLike', 'A*', 'abc', false],
  ],
  StringNotLike: [
    ['StringNotLike', 'proj-*', 'proj-1', false],
    ['StringNotLike', 'proj-*', 'other', true],
    ['StringNotLike', 'proj-*', undefined, true],
  ],
  Numeric: [
    ['NumericEquals', '10', '10', true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericLessThan', '10', '9', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericGreaterThan', '3600', '7200', true],
    ['NumericGreaterThanEquals', '5', '4', false],
    ['NumericEquals', 'ten', '10', false],
    ['NumericLessThan', '10', 'nine', false],
  ],
  Date: [
    ['DateEquals', '2026-01-01T00:00:00Z', '1767225600', true],
    ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', true],
    ['DateLessThan', '2026-06-30T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateLessThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
    ['DateGreaterThanEquals', '1767225600', '2026-01-01T00:00:00Z', true],
    ['DateLessThan', 'soon', '2026-01-01T00:00:00Z', false],
  ],
  Bool: [
    ['Bool', 'true', 'true', true],
    ['Bool', 'false', 'FALSE', true],
    ['Bool', 'true', 'false', false],
    ['Bool', 'yes', 'true', false],
    ['BoolIfExists', 'false', undefined, true],
  ],
  BinaryEquals: [
    ['BinaryEquals', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', true],
    ['BinaryEquals', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'b3RoZXI=', false],
    ['BinaryEquals', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', undefined, false],
  ],
  IpAddress: [
    ['IpAddress', '203.0.113.0/24', '203.0.113.77', true],
    ['IpAddress', '203.0.113.0/24', '203.0.114.1', false],
    ['IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5678::abcd', true],
    ['IpAddress', '203.0.113.5', '203.0.113.5', true],
    ['IpAddress', '203.0.113.0/24', '2001:db8::1', false],
    ['IpAddress', '0.0.0.0/0', '255.1.2.3', true],
    ['IpAddress', '0.0.0.0/0', '2001:db8::1', false],
    ['IpAddress', '128.0.0.0/1', '200.1.1.1', true],
    ['IpAddress', '128.0.0.0/1', '127.255.255.255', false],
    ['IpAddress', '255.255.255.254/31', '255.255.255.255', true],
    ['IpAddress', '255.255.255.254/32', '255.255.255.255', false],
    ['IpAddress', '10.0.0.0/8', '11.0.0.0', false],
    ['IpAddress', '::/0', '2001:db8::1', true],
    ['NotIpAddress', ['192.0.2.0/24', '2001:DB8:1234:5678::/64'], '2001:db8:9999::1', true],
    ['NotIpAddress', ['192.0.2.0/24'], '192.0.2.9', false],
  ],
  Arn: [
    [
      'ArnLike',
      'arn:aws:iam::111111111111:user/ops/*',
      'arn:aws:iam::111111111111:user/ops/carol',
      true,
    ],
    [
      'ArnEquals',
      'arn:aws:cloudtrail:*:111111111111:trail/*',
      'arn:aws:cloudtrail:us-east-1:111111111111:trail/main',
      true,
    ],
    [
      'ArnLike',
      'arn:aws:lambda:us-east-1:111111111111:function:resize',
      'arn:aws:lambda:us-east-1:111111111111:function:other',
      false,
    ],
    [
      'ArnNotLike',
      'arn:aws:iam::111111111111:role/Admin*',
      'arn:aws:iam::111111111111:role/Deployer',
      true,
    ],
    [
      'ArnNotEquals',
      'arn:aws:iam::111111111111:role/Admin',
      'arn:aws:iam::111111111111:role/Admin',
      false,
    ],
    ['ArnLike', 'arn:aws:s3:::*', 'not-an-arn', false],
  ],
  Null: [
    ['Null', 'true', undefined, true],
    ['Null', 'true', 'x', false],
    ['Null', 'false', 'x', true],
    ['Null', 'false', [], false],
  ],
  'set qualifiers': [
    ['ForAllValues:StringEquals', ['env', 'owner'], ['env'], true],
    ['ForAllValues:StringEquals', ['env', 'owner'], ['env', 'secret'], false],
    ['ForAllValues:StringEquals', ['env'], undefined, true],
    ['ForAllValues:StringEquals', ['env'], [], true],
    ['ForAnyValue:StringEquals', ['costcenter'], undefined, false],
    ['ForAnyValue:StringLike', 'auth*', ['unauthenticated', 'authenticated'], true],
    ['ForAnyValue:StringNotEquals', ['a'], ['a', 'b'], true],
    ['ForAllValues:StringNotEquals', ['a'], ['b', 'c'], true],
    ['ForAllValues:StringNotEquals', ['a'], ['a', 'c'], false],
  ],
  IfExists: [
    ['StringLikeIfExists', ['t3.*', 'm5.large'], undefined, true],
    ['StringLikeIfExists', ['t3.*', 'm5.large'], 'm5.24xlarge', false],
    ['StringNotEqualsIfExists', 'high', undefined, true],
    ['StringNotEqualsIfExists', 'high', 'high', false],
  ],
  unknown: [['StringEqualz', 'x', 'x', false]],
};

describe.each(Object.entries(table))('condition operator %s', (_name, rows) => {
  it.each(rows)('%s %j against %j is %s', (operator, policy, request, expected) => {
    expect(holds(operator, policy, request)).toBe(expected);
  });
});

describe('policy variables in condition values', () => {
  it('resolves a variable, and a variable without value matches nothing', () => {
    expect(
      holds('StringLike', 'home/${aws:username}/*', 'home/alice/x', '2012-10-17', {
        'aws:username': 'alice',
      }),
    ).toBe(true);
    expect(holds('StringEquals', '${aws:PrincipalTag/Team}', 'red')).toBe(false);
    expect(holds('StringNotEquals', '${aws:PrincipalTag/Team}', 'red')).toBe(true);
  });
  it('keeps the escapes literal', () => {
    expect(holds('StringLike', 'what${?}', 'what?')).toBe(true);
    expect(holds('StringLike', 'what${?}', 'whatX')).toBe(false);
    expect(holds('StringEquals', '${$}500', '$500')).toBe(true);
  });
  it('takes the default when the key is missing', () => {
    expect(holds('StringEquals', "${aws:PrincipalTag/team, 'none'}", 'none')).toBe(true);
  });
  it('is plain text under Version 2008-10-17', () => {
    expect(
      holds('StringEquals', '${aws:username}', '${aws:username}', '2008-10-17', {
        'aws:username': 'alice',
      }),
    ).toBe(true);
  });
});

describe('condition explanation', () => {
  it('records each comparison and the missing-key rules', () => {
    const c = compileCondition('StringEquals', 'k', ['a', 'b'], true);
    const e = explainCondition(c, context({ k: 'b' }));
    expect(e).toMatchObject({ matched: true, keyPresent: true, requestValues: ['b'] });
    expect(e.comparisons).toEqual([
      { requestValue: 'b', policyValue: 'a', matched: false },
      { requestValue: 'b', policyValue: 'b', matched: true },
    ]);
    const missing = explainCondition(
      compileCondition('StringNotLike', 'k', ['x'], true),
      context({}),
    );
    expect(missing).toMatchObject({
      matched: true,
      keyPresent: false,
      rule: 'the key is absent, so a negated operator holds',
    });
  });
});
