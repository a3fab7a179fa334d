import { describe, expect, it } from 'vitest';
import { ADMIN_DOC, allow, arn, build, doc, trustStatement } from '../test-accounts';
import { iamCases } from './iam-cases';
import { serviceCases } from './service-cases';
import { ALICE, ROOT, passRole, escalationsOf } from './technique-case';

const cases = [...iamCases, ...serviceCases];

describe('escalation techniques: a positive and its trap each', () => {
  it('covers every technique of the format README', () => {
    expect(new Set(cases.map((c) => c.technique)).size).toBe(30);
  });

  it.each(cases)('$technique is found', (c) => {
    const found = escalationsOf(build(c.positive), c.principal ?? ALICE);
    const pair = found.find((e) => e.gains === c.gains);
    expect(pair, JSON.stringify(found)).toBeDefined();
    expect(pair!.techniques).toContain(c.technique);
  });

  it.each(cases)('$technique is not found with $trap', (c) => {
    const found = escalationsOf(build(c.negative), c.principal ?? ALICE);
    expect(found.flatMap((e) => e.techniques)).not.toContain(c.technique);
  });

  it('names what the input cannot show as a need (existing-lambda)', () => {
    const [e] = escalationsOf(
      build(cases.find((c) => c.technique === 'existing-lambda')!.positive),
    );
    expect(e!.needs).toContain(
      `an existing Lambda function whose execution role is ${arn('role', 'Target')}`,
    );
  });

  it('keeps an MFA-gated trust as a need, not a dropped step', () => {
    const b = build((b) => {
      b.role(
        'Admin',
        [
          trustStatement(ROOT, 'sts:AssumeRole', {
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          }),
        ],
        [ADMIN_DOC],
      );
      b.user('alice', [doc(allow('sts:AssumeRole', arn('role', 'Admin')))]);
    });
    const [e] = escalationsOf(b);
    expect(e).toMatchObject({
      gains: arn('role', 'Admin'),
      techniques: ['sts-assume-role'],
      needs: ['MFA'],
    });
    const reach = b.analyze().result.reachability.find((r) => r.from === ALICE)!;
    expect(reach.needs).toEqual(['MFA']);
  });

  it('reports no escalation for a principal that already is admin', () => {
    const b = build((b) => {
      b.role('Admin', [trustStatement(ROOT)], [ADMIN_DOC]);
      b.user('alice', [ADMIN_DOC]);
    });
    expect(escalationsOf(b)).toEqual([]);
  });

  it('passes no role of another account', () => {
    const b = build((b) => {
      b.role(
        'Target',
        [trustStatement({ Service: 'lambda.amazonaws.com' })],
        [ADMIN_DOC],
        {},
        true,
      );
      b.user('alice', [
        doc(allow(['lambda:CreateFunction', 'lambda:InvokeFunction', 'iam:PassRole'])),
      ]);
    });
    expect(escalationsOf(b)).toEqual([]);
  });
});

describe('a multi-hop chain: user -> role A -> PassRole to Lambda -> admin role B', () => {
  const chain = () =>
    build((b) => {
      b.user('alice', [doc(allow('sts:AssumeRole', [arn('role', 'A'), arn('role', 'C')]))]);
      b.role(
        'C',
        [trustStatement({ AWS: ALICE })],
        [doc(allow('sts:AssumeRole', arn('role', 'A')))],
      );
      b.role(
        'A',
        [trustStatement({ AWS: [ALICE, arn('role', 'C')] })],
        [
          doc(
            allow(['lambda:CreateFunction', 'lambda:InvokeFunction']),
            passRole('lambda.amazonaws.com', 'B'),
          ),
        ],
      );
      b.role('B', [trustStatement({ Service: 'lambda.amazonaws.com' })], [ADMIN_DOC]);
    });

  it('finds the pair with a shortest path', () => {
    const e = chain()
      .analyze()
      .result.escalations.find((x) => x.principal === ALICE && x.gains === arn('role', 'B'))!;
    expect(e.steps.map((s) => [s.technique, s.actor, s.target])).toEqual([
      ['sts-assume-role', ALICE, arn('role', 'A')],
      ['passrole-lambda', arn('role', 'A'), arn('role', 'B')],
    ]);
    expect(e.steps[1]!.actions).toEqual([
      'iam:PassRole',
      'lambda:CreateFunction',
      'lambda:InvokeFunction',
    ]);
  });

  it('lists every simple path of the pair', () => {
    const paths = chain()
      .analyze()
      .paths(ALICE, arn('role', 'B'))
      .map((p) => p.map((s) => s.target));
    expect(paths).toEqual([
      [arn('role', 'A'), arn('role', 'B')],
      [arn('role', 'C'), arn('role', 'A'), arn('role', 'B')],
    ]);
  });

  it('reports every principal that reaches the admin role, not only the first', () => {
    const escalations = chain()
      .analyze()
      .result.escalations.filter((e) => e.gains === arn('role', 'B'));
    expect(escalations.map((e) => e.principal).sort()).toEqual(
      [ALICE, arn('role', 'A'), arn('role', 'C')].sort(),
    );
  });
});
