import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisCommand, type CliIo } from './analyze-command';

const SAMPLE = new URL(
  '../../fixtures/authz-details/cloudsplaining-example-authz-details.json',
  import.meta.url,
).pathname;
const dir = mkdtempSync(join(tmpdir(), 'rolecraft-cli-'));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

async function run(kind: 'analyze' | 'who-can' | 'check', ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    color: false,
    now: () => new Date('2026-06-01T00:00:00Z'),
  };
  const code = await analysisCommand(kind, argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ACCOUNT = '111122223333';
const details = {
  UserDetailList: [
    {
      UserName: 'dev',
      UserId: 'AIDADEV',
      Arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
      Path: '/',
      GroupList: [],
      UserPolicyList: [
        {
          PolicyName: 'assume',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
          },
        },
      ],
      AttachedManagedPolicies: [],
    },
  ],
  RoleDetailList: [
    {
      RoleName: 'Admin',
      RoleId: 'AROAADMIN',
      Arn: `arn:aws:iam::${ACCOUNT}:role/Admin`,
      Path: '/',
      AssumeRolePolicyDocument: encodeURIComponent(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      ),
      RolePolicyList: [
        {
          PolicyName: 'all',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
          }),
        },
      ],
      AttachedManagedPolicies: [],
      RoleLastUsed: { LastUsedDate: '2026-05-30T00:00:00Z' },
    },
  ],
  Policies: [],
};
const FILE = write('account.json', details);

describe('rolecraft analyze', () => {
  it('prints analysis/1 JSON with the README fields', async () => {
    const { code, out } = await run('analyze', FILE, '--json', '--now', '2026-06-01T00:00:00Z');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual([
      'format',
      'now',
      'accounts',
      'principals',
      'warnings',
      'reachability',
      'escalations',
      'findings',
    ]);
    expect(json).toMatchObject({
      format: 'analysis/1',
      now: '2026-06-01T00:00:00Z',
      accounts: [ACCOUNT],
      principals: 2,
    });
    expect(json.reachability).toEqual([
      {
        from: `arn:aws:iam::${ACCOUNT}:user/dev`,
        to: `arn:aws:iam::${ACCOUNT}:role/Admin`,
        hops: [`arn:aws:iam::${ACCOUNT}:user/dev`, `arn:aws:iam::${ACCOUNT}:role/Admin`],
        needs: [],
      },
    ]);
    expect(json.escalations).toEqual([
      {
        principal: `arn:aws:iam::${ACCOUNT}:user/dev`,
        gains: `arn:aws:iam::${ACCOUNT}:role/Admin`,
        steps: [
          {
            technique: 'sts-assume-role',
            actor: `arn:aws:iam::${ACCOUNT}:user/dev`,
            target: `arn:aws:iam::${ACCOUNT}:role/Admin`,
            actions: ['sts:AssumeRole'],
            needs: [],
          },
        ],
      },
    ]);
    expect(json.findings.map((f: { kind: string }) => f.kind)).toContain(
      'admin-assumable-without-mfa',
    );
    for (const f of json.findings)
      expect(Object.keys(f)).toEqual([
        'kind',
        'severity',
        'subject',
        'policy',
        'statement',
        'message',
      ]);
  });

  it('prints grouped text for people, without colour when not a terminal', async () => {
    const { code, out } = await run('analyze', SAMPLE, '--now', '2026-06-01T00:00:00Z');
    expect(code).toBe(0);
    expect(out).toContain('Findings (');
    expect(out).toContain('Escalations (');
    expect(out).not.toContain('\u001b[');
  });

  it('lists every path of one pair with --paths', async () => {
    const { code, out } = await run(
      'analyze',
      FILE,
      '--json',
      '--paths',
      `arn:aws:iam::${ACCOUNT}:user/dev`,
      'admin',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).paths).toHaveLength(1);
  });

  it.each([
    ['no files', [], 'usage: rolecraft analyze'],
    ['a missing file', [join(dir, 'nope.json')], 'no such file'],
    [
      'a file that is not authorization details',
      [write('other.json', { nodes: [] })],
      'not authorization details: no RoleDetailList, UserDetailList, GroupDetailList or Policies',
    ],
    ['a bad --now', [FILE, '--now', 'yesterday'], '`--now` must be an ISO 8601 instant'],
    ['an unknown option', [FILE, '--fast'], 'unknown option `--fast`'],
    [
      '--paths naming no principal',
      [FILE, '--paths', 'arn:aws:iam::1:user/x', 'admin'],
      'is not a user or role of the input',
    ],
  ])('exits 2 on %s, with the reason on stderr', async (_name, argv, reason) => {
    const { code, err, out } = await run('analyze', ...(argv as string[]));
    expect(code).toBe(2);
    expect(err).toContain(reason);
    expect(out).toBe('');
  });
});

describe('rolecraft who-can', () => {
  it('finds the user through its chain to the admin role', async () => {
    const { code, out } = await run('who-can', 'iam:CreateUser', '*', FILE, '--json');
    expect(code).toBe(0);
    expect(
      JSON.parse(out).principals.map((p: { principal: string; via: string }) => [
        p.principal,
        p.via,
      ]),
    ).toEqual([
      [`arn:aws:iam::${ACCOUNT}:role/Admin`, 'direct'],
      [`arn:aws:iam::${ACCOUNT}:user/dev`, 'assume'],
    ]);
  });

  it('exits 2 without ACTION and RESOURCE', async () => {
    expect((await run('who-can', FILE)).code).toBe(2);
  });
});

describe('rolecraft check', () => {
  const expect1 = (value: unknown) => write(`expect-${Math.random()}.json`, value);
  const dev = `arn:aws:iam::${ACCOUNT}:user/dev`;

  it('exits 0 when every expectation holds', async () => {
    const file = expect1({
      can: [{ principal: dev, action: 'iam:CreateUser', resource: '*' }],
      cannot: [],
    });
    const { code, out } = await run('check', FILE, '--expect', file);
    expect([code, out]).toEqual([0, expect.stringContaining('1 held, 0 failed')]);
  });

  it('exits 1 when a cannot is reachable through a chain, and shows the path', async () => {
    const file = expect1({ cannot: [{ principal: dev, action: 'iam:CreateUser', resource: '*' }] });
    const { code, out } = await run('check', FILE, '--expect', file);
    expect(code).toBe(1);
    expect(out).toContain(
      `FAIL ${dev} cannot iam:CreateUser on * via ${dev} -> arn:aws:iam::${ACCOUNT}:role/Admin`,
    );
  });

  it.each([
    ['no --expect', []],
    ['a broken EXPECT.json', ['--expect', 'BROKEN']],
    ['an expectation without an action', ['--expect', 'MISSING']],
  ])('exits 2 on %s', async (_name, extra) => {
    const argv = (extra as string[]).map((a) =>
      a === 'BROKEN'
        ? write('broken.json', '{')
        : a === 'MISSING'
          ? expect1({ can: [{ principal: dev, resource: '*' }] })
          : a,
    );
    const { code, err } = await run('check', FILE, ...argv);
    expect(code).toBe(2);
    expect(err).not.toBe('');
  });
});
