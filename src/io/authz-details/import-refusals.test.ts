import { describe, expect, it } from 'vitest';
import { file, role, run, trust } from './import-fixtures';

describe('importing authorization details: what is skipped or refused, and why', () => {
  it('skips an unreadable entry with its place and keeps the rest', async () => {
    const result = await run(
      file('s.json', {
        RoleDetailList: [
          role('R', { RolePolicyList: [{ PolicyName: 'x', PolicyDocument: '%7Bbroken' }] }),
          { RoleName: 'NoArn' },
        ],
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.design.roles.map((r) => r.name)).toEqual(['R']);
    expect(result.summary.warnings).toEqual([
      expect.stringContaining(
        's.json: `RoleDetailList[0].RolePolicyList[0].PolicyDocument`: the policy document is invalid JSON',
      ),
      's.json: `RoleDetailList[1]`: no `Arn` or `RoleName`; skipped',
    ]);
  });

  it.each([
    [
      'other JSON',
      '{"nodes": []}',
      'x.json: not authorization details: no RoleDetailList, UserDetailList, GroupDetailList or Policies',
    ],
    ['not JSON', 'hello', 'x.json: invalid JSON: invalid symbol at line 1, column 1'],
    [
      'nesting 10,000 deep, unclosed (found by the fuzzer)',
      '['.repeat(10_000),
      'x.json: nesting deeper than 64 levels at line 1, column 65',
    ],
    [
      'nesting 100,000 deep',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'x.json: nesting deeper than 64 levels at line 1, column 65',
    ],
    [
      'the lists under a `__proto__` key',
      '{"__proto__": {"RoleDetailList": []}}',
      'x.json: not authorization details: no RoleDetailList, UserDetailList, GroupDetailList or Policies',
    ],
    [
      'the lists under a `constructor` key',
      '{"constructor": {"RoleDetailList": []}}',
      'x.json: not authorization details: no RoleDetailList, UserDetailList, GroupDetailList or Policies',
    ],
    [
      'a list field that is not a list',
      '{"RoleDetailList": 3}',
      'x.json: `RoleDetailList` must be a list',
    ],
  ])('refuses %s with the reason', async (_name, text, reason) => {
    const result = await run({ name: 'x.json', text });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('skips a policy document nested too deeply, with its place and the reason', async () => {
    const deep = `{"Statement": [{"Effect": "Allow", "Action": ${'['.repeat(100)}"*"${']'.repeat(100)}}]}`;
    const result = await run(
      file('s.json', {
        RoleDetailList: [
          role('R', { RolePolicyList: [{ PolicyName: 'x', PolicyDocument: deep }] }),
        ],
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.summary.warnings).toEqual([
      's.json: `RoleDetailList[0].RolePolicyList[0].PolicyDocument`: the policy document is nested too deeply: nesting deeper than 32 levels at line 1, column 75; left out',
    ]);
    expect(result.design.roles.map((r) => r.name)).toEqual(['R']);
  });

  it('decodes a wire text shared by several roles once, warning at each place it is broken', async () => {
    const encoded = encodeURIComponent(JSON.stringify(trust({ AWS: '111122223333' })));
    const result = await run(
      file('a.json', {
        RoleDetailList: [
          role('A', { AssumeRolePolicyDocument: encoded }),
          role('B', {
            AssumeRolePolicyDocument: encoded,
            RolePolicyList: [{ PolicyName: 'x', PolicyDocument: '{"Statement": [' }],
          }),
        ],
      }),
      file('b.json', {
        RoleDetailList: [
          role(
            'C',
            {
              AssumeRolePolicyDocument: encoded,
              RolePolicyList: [{ PolicyName: 'x', PolicyDocument: '{"Statement": [' }],
            },
            '444455556666',
          ),
        ],
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    const [a, b, c] = result.design.roles;
    expect(JSON.parse(a!.trustPolicy)).toEqual(trust({ AWS: '111122223333' }));
    expect([b!.trustPolicy, c!.trustPolicy]).toEqual([a!.trustPolicy, a!.trustPolicy]);
    expect(result.summary.warnings).toEqual([
      'a.json: `RoleDetailList[1].RolePolicyList[0].PolicyDocument`: the policy document is invalid JSON: closing bracket `]` expected at line 1, column 16; left out',
      'b.json: `RoleDetailList[0].RolePolicyList[0].PolicyDocument`: the policy document is invalid JSON: closing bracket `]` expected at line 1, column 16; left out',
    ]);
  });

  it('takes no field from a `__proto__` key, and keeps `__proto__` and `constructor` tags as own tags', async () => {
    const before = JSON.stringify(Object.getOwnPropertyNames(Object.prototype));
    const tagged = role('T', {
      Tags: [
        { Key: '__proto__', Value: 'p' },
        { Key: 'constructor', Value: 'c' },
      ],
    });
    const text = JSON.stringify({ RoleDetailList: [{}, tagged] }).replace(
      '[{}',
      `[{"__proto__": ${JSON.stringify(role('R'))}}`,
    );
    const result = await run({ name: 's.json', text });
    if (!result.ok) throw new Error(result.reason);
    expect(result.summary.warnings).toEqual([
      's.json: `RoleDetailList[0]`: no `Arn` or `RoleName`; skipped',
    ]);
    expect(result.design.roles.map((r) => r.name)).toEqual(['T']);
    const tags = result.design.roles[0]!.tags;
    expect(Object.entries(tags)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ]);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(JSON.stringify(Object.getOwnPropertyNames(Object.prototype))).toBe(before);
  });

  it('imports the good files of a batch and lists the refused ones', async () => {
    const result = await run(file('good.json', { RoleDetailList: [role('R')] }), {
      name: 'bad.txt',
      text: 'nope',
    });
    expect(result.ok && result.summary.refused.map((r) => r.file)).toEqual(['bad.txt']);
  });
});
