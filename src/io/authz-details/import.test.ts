import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  attachedPolicies,
  attachersOf,
  boundaryPolicy,
  managedPolicyArn,
  restore,
  sequentialIds,
  toDesignFile,
} from '../../model';
import { decodeDate, decodeDocument } from './decode';
import { importAuthzFiles } from './import';

const sample = readFileSync(
  new URL(
    '../../../fixtures/authz-details/cloudsplaining-example-authz-details.json',
    import.meta.url,
  ),
  'utf8',
);

const doc = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};
const trust = (principal: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
});
const role = (name: string, extra: Record<string, unknown> = {}, account = '111122223333') => ({
  Path: '/',
  RoleName: name,
  RoleId: `AROA${name.toUpperCase().padEnd(16, 'X')}`,
  Arn: `arn:aws:iam::${account}:role/${name}`,
  CreateDate: '2025-01-01T00:00:00Z',
  AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }),
  RolePolicyList: [],
  AttachedManagedPolicies: [],
  InstanceProfileList: [],
  Tags: [],
  RoleLastUsed: {},
  ...extra,
});
const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value) });
const run = (...files: { name: string; text: string }[]) =>
  importAuthzFiles(files, { ids: sequentialIds(), layout: false });

describe('policy documents in every wire form', () => {
  it.each([
    ['a JSON object (AWS CLI, boto3)', doc],
    ['a JSON string', JSON.stringify(doc)],
    ['a URL-encoded string (raw API, JS and Go SDKs)', encodeURIComponent(JSON.stringify(doc))],
    [
      'URL-encoded with + for spaces',
      encodeURIComponent(JSON.stringify(doc, null, 1)).replace(/%20/g, '+'),
    ],
  ])('decodes %s', (_name, value) => {
    expect(decodeDocument(value)).toEqual({ ok: true, value: doc });
  });

  it.each([
    ['a number', 42, 'a policy document must be an object or a string'],
    [
      'broken JSON',
      '{"Version": ',
      'the policy document is invalid JSON: value expected at line 1, column 12',
    ],
    ['a JSON list', '[1]', 'the policy document is not a JSON object'],
  ])('refuses %s', (_name, value, reason) => {
    const result = decodeDocument(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('dates', () => {
  it.each([
    ['2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z'],
    ['2025-03-01 10:00:00+00:00', '2025-03-01T10:00:00Z'],
    ['2025-03-01T12:00:00+02:00', '2025-03-01T10:00:00Z'],
    ['2025-03-01T05:30:00-0430', '2025-03-01T10:00:00Z'],
    ['2025-03-01T10:00:00.123Z', '2025-03-01T10:00:00Z'],
    ['2025-03-01T10:00:00', '2025-03-01T10:00:00Z'],
    [1740823200, '2025-03-01T10:00:00Z'],
    [1740823200000, '2025-03-01T10:00:00Z'],
    ['1740823200', '2025-03-01T10:00:00Z'],
    ['2025-03-01T11:00:00+01', '2025-03-01T10:00:00Z'],
    ['2025-03-01T10:00:00z', '2025-03-01T10:00:00Z'],
    ['2024-02-29T10:00:00Z', '2024-02-29T10:00:00Z'],
  ])('reads %j as %s', (value, iso) => {
    expect(decodeDate(value)).toEqual({ ok: true, value: iso });
  });

  // The engine's strict reader decides: Date.parse would take (or roll over) each of these.
  it.each([
    ['March 1st', 'is not an ISO 8601 date'],
    ['2025-13-01T00:00:00Z', 'has no month 13'],
    ['2025-02-29T00:00:00Z', 'has no day 29 in 2025-02'],
    ['2025-02-30 10:00:00+00:00', 'has no day 30 in 2025-02'],
    ['2025-03-01T24:00:00Z', 'has no hour 24'],
    ['Sat, 01 Mar 2025 10:00:00 GMT', 'is not an ISO 8601 date'],
    [true, 'a date must be a string or a number'],
  ])('refuses %j: %s', (value, reason) => {
    const decoded = decodeDate(value);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toContain(reason);
  });
});

describe('importing authorization details', () => {
  it('imports the real sample: one account, its principals, the services its trusts name', async () => {
    const result = await importAuthzFiles([{ name: 'sample.json', text: sample }], {
      ids: sequentialIds(),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.counts).toMatchObject({ accounts: 1, users: 3, groups: 2, roles: 3 });
    expect(result.design.accounts[0]!.awsAccountId).toBe('012345678901');
    expect(result.design.services.map((s) => s.name).sort()).toEqual([
      'ec2.amazonaws.com',
      'ssm.amazonaws.com',
    ]);
    const obama = result.design.users.find((u) => u.name === 'obama')!;
    expect(obama.groups).toHaveLength(1);
    expect(attachedPolicies(result.design, obama).map((p) => [p.name, p.attachment])).toEqual([
      ['AdministratorAccess', 'aws-managed'],
    ]);
    const ec2 = result.design.roles.find((r) => r.name === 'OverprivilegedEC2')!;
    expect(ec2.observed?.instanceProfiles).toEqual(['OverprivilegedEC2']);
    expect(ec2.observed?.lastUsed).toBe('2019-01-20T18:48:00Z');
    // Managed policies are shared records: 3 AWS managed ones attached (5 attachments) and
    // both customer-managed ones of the account, attached or not.
    const d = result.design;
    expect(d.managedPolicies.map((p) => [p.type, p.name]).sort()).toEqual([
      ['aws-managed', 'AWSLambdaFullAccess'],
      ['aws-managed', 'AdministratorAccess'],
      ['aws-managed', 'AmazonRDSFullAccess'],
      ['customer-managed', 'InsecurePolicy'],
      ['customer-managed', 'NotYourPolicy'],
    ]);
    expect(result.summary.counts.managedPolicies).toBe(5);
    const admin = d.managedPolicies.find((p) => p.name === 'AdministratorAccess')!;
    expect(
      attachersOf(d, admin.id)
        .map((h) => h.name)
        .sort(),
    ).toEqual(['admin', 'obama']);
    const attachments = [...d.users, ...d.groups, ...d.roles].flatMap((h) =>
      h.policies.filter((p) => p.attachment === 'managed'),
    );
    expect(attachments).toHaveLength(5);
    const notYours = d.managedPolicies.find((p) => p.name === 'NotYourPolicy')!;
    expect(attachersOf(d, notYours.id)).toEqual([]);
    expect(result.design.roles.find((r) => r.name === 'MyRole')!.observed?.lastUsed).toBeNull();
    // Every node placed, inside its account frame.
    const frame = result.design.layout[result.design.accounts[0]!.id]!;
    for (const r of result.design.roles) {
      const p = result.design.layout[r.id]!;
      expect(p.x).toBeGreaterThanOrEqual(frame.x);
      expect(p.y).toBeGreaterThan(frame.y);
      expect(p.x + 180).toBeLessThanOrEqual(frame.x + frame.width!);
    }
  });

  it('survives a save and restore with the imported facts kept', async () => {
    const result = await importAuthzFiles([{ name: 'sample.json', text: sample }], {
      ids: sequentialIds(),
    });
    if (!result.ok) throw new Error(result.reason);
    const back = restore(JSON.parse(JSON.stringify(toDesignFile(result.design))));
    expect(back).toEqual({ ok: true, design: result.design });
  });

  it('merges pages of one account given as several files (IsTruncated/Marker)', async () => {
    const page1 = {
      RoleDetailList: [
        role('A', {
          AttachedManagedPolicies: [
            { PolicyName: 'P', PolicyArn: 'arn:aws:iam::111122223333:policy/P' },
          ],
        }),
      ],
      IsTruncated: true,
      Marker: 'abc',
    };
    const page2 = {
      RoleDetailList: [role('B')],
      Policies: [
        {
          PolicyName: 'P',
          Arn: 'arn:aws:iam::111122223333:policy/P',
          Path: '/',
          DefaultVersionId: 'v2',
          PolicyVersionList: [
            {
              Document: encodeURIComponent(JSON.stringify(doc)),
              VersionId: 'v2',
              IsDefaultVersion: true,
            },
            {
              Document: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
              },
              VersionId: 'v1',
              IsDefaultVersion: false,
            },
          ],
        },
      ],
      IsTruncated: false,
    };
    const result = await run(file('p1.json', page1), file('p2.json', page2));
    if (!result.ok) throw new Error(result.reason);
    expect(result.design.accounts).toHaveLength(1);
    expect(result.design.roles.map((r) => r.name)).toEqual(['A', 'B']);
    const p = attachedPolicies(result.design, result.design.roles[0]!)[0]!;
    expect([p.name, p.attachment, JSON.parse(p.text)]).toEqual(['P', 'customer-managed', doc]);
    expect(p.otherVersions?.map((v) => v.versionId)).toEqual(['v1']);
    expect(result.summary.warnings).toEqual([]);
  });

  it('warns when every page of an account is truncated', async () => {
    const result = await run(
      file('p1.json', { RoleDetailList: [role('A')], IsTruncated: true, Marker: 'm' }),
    );
    expect(result.ok && result.summary.warnings).toEqual([
      'account 111122223333: every page given says `IsTruncated: true`; the last page is missing, so the account may be incomplete',
    ]);
  });

  it('keeps two accounts apart and draws what trusts name: providers, services, other accounts, anyone', async () => {
    const a = {
      RoleDetailList: [
        role('Ci', {
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: {
                  Federated:
                    'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
                },
                Action: 'sts:AssumeRoleWithWebIdentity',
              },
              {
                Effect: 'Allow',
                Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' },
                Action: 'sts:AssumeRoleWithSAML',
              },
              {
                Effect: 'Allow',
                Principal: { Federated: 'accounts.google.com' },
                Action: 'sts:AssumeRoleWithWebIdentity',
              },
              {
                Effect: 'Allow',
                Principal: {
                  AWS: [
                    'arn:aws:iam::999988887777:root',
                    '444455556666',
                    'AROADELETEDROLE12345678',
                    'arn:aws:iam::222233334444:role/Other',
                  ],
                },
                Action: 'sts:AssumeRole',
              },
              { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
            ],
          }),
        }),
      ],
    };
    const b = { RoleDetailList: [role('Other', {}, '222233334444')] };
    const result = await run(file('a.json', a), file('b.json', b));
    if (!result.ok) throw new Error(result.reason);
    const d = result.design;
    expect(d.accounts.map((x) => x.awsAccountId)).toEqual(['111122223333', '222233334444']);
    expect(d.identityProviders.map((p) => [p.name, p.protocol])).toEqual([
      ['GitHub Actions', 'oidc'],
      ['Okta', 'saml'],
      ['Google', 'oidc'],
    ]);
    expect(d.outsidePrincipals.map((o) => (o.scope === 'account' ? o.awsAccountId : '*'))).toEqual([
      '999988887777',
      '444455556666',
      '*',
    ]);
    expect(result.summary.counts.danglingTrustPrincipals).toBe(1);
    expect(d.roles.find((r) => r.name === 'Other')!.account).toBe(d.accounts[1]!.id);
  });

  it('reads the quirks: RoleLastUsed {}, both boundary types, a single attached object, epoch dates', async () => {
    const value = {
      GroupDetailList: [
        {
          GroupName: 'G',
          GroupId: 'AGPAG',
          Arn: 'arn:aws:iam::111122223333:group/G',
          Path: '/',
          GroupPolicyList: [],
          AttachedManagedPolicies: {
            PolicyName: 'ReadOnlyAccess',
            PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          },
        },
      ],
      UserDetailList: [
        {
          UserName: 'u',
          UserId: 'AIDAU',
          Arn: 'arn:aws:iam::111122223333:user/u',
          Path: '/',
          CreateDate: 1740823200,
          GroupList: ['G'],
          UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: JSON.stringify(doc) }],
          AttachedManagedPolicies: [],
          PermissionsBoundary: {
            PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
            PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          },
        },
      ],
      RoleDetailList: [
        role('R', {
          RoleLastUsed: { LastUsedDate: '2025-03-01 10:00:00+00:00', Region: 'us-east-1' },
          PermissionsBoundary: {
            PermissionsBoundaryType: 'Policy',
            PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          },
        }),
      ],
      Policies: [
        {
          PolicyName: 'ReadOnlyAccess',
          Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          Path: '/',
          DefaultVersionId: 'v1',
          PolicyVersionList: [{ Document: doc, VersionId: 'v1', IsDefaultVersion: true }],
        },
      ],
    };
    const result = await run(file('q.json', value));
    if (!result.ok) throw new Error(result.reason);
    const d = result.design;
    expect(attachedPolicies(d, d.groups[0]!).map((p) => p.name)).toEqual(['ReadOnlyAccess']);
    expect(boundaryPolicy(d, d.users[0]!)?.name).toBe('ReadOnlyAccess');
    expect(d.users[0]!.groups).toEqual([d.groups[0]!.id]);
    expect(boundaryPolicy(d, d.roles[0]!)?.type).toBe('aws-managed');
    // One AWS managed policy: the group's policy and both boundaries are the same record.
    expect(d.managedPolicies).toHaveLength(1);
    expect(d.users[0]!.permissionsBoundary).toBe(d.managedPolicies[0]!.id);
    expect(d.roles[0]!.permissionsBoundary).toBe(d.managedPolicies[0]!.id);
    expect(d.roles[0]!.observed?.lastUsed).toBe('2025-03-01T10:00:00Z');
    expect(result.summary.warnings).toEqual([]);
  });

  it('keeps a managed policy’s path and description, one record for every principal attaching it', async () => {
    const arn = 'arn:aws:iam::111122223333:policy/team/ops/Deployer';
    const attached = { AttachedManagedPolicies: [{ PolicyName: 'Deployer', PolicyArn: arn }] };
    const result = await run(
      file('p.json', {
        RoleDetailList: [role('A', attached), role('B', attached)],
        Policies: [
          {
            PolicyName: 'Deployer',
            Arn: arn,
            Path: '/team/ops/',
            Description: 'deploys things',
            DefaultVersionId: 'v2',
            PolicyVersionList: [
              { Document: doc, VersionId: 'v2', IsDefaultVersion: true },
              { Document: doc, VersionId: 'v1', IsDefaultVersion: false },
            ],
          },
        ],
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    const d = result.design;
    expect(d.managedPolicies).toHaveLength(1);
    const policy = d.managedPolicies[0]!;
    expect(policy).toMatchObject({
      type: 'customer-managed',
      path: '/team/ops/',
      description: 'deploys things',
      defaultVersionId: 'v2',
    });
    expect(managedPolicyArn(d, policy)).toBe(arn);
    expect(attachersOf(d, policy.id).map((h) => h.name)).toEqual(['A', 'B']);
  });

  it('warns about an attached policy missing from Policies, marks the principal incomplete, goes on', async () => {
    const value = {
      RoleDetailList: [
        role('R', {
          AttachedManagedPolicies: [
            { PolicyName: 'Gone', PolicyArn: 'arn:aws:iam::111122223333:policy/Gone' },
          ],
        }),
        role('S'),
      ],
    };
    const result = await run(file('m.json', value));
    if (!result.ok) throw new Error(result.reason);
    expect(result.summary.incomplete).toEqual(['arn:aws:iam::111122223333:role/R']);
    expect(result.summary.warnings).toEqual([
      '`arn:aws:iam::111122223333:role/R`: attached policy `arn:aws:iam::111122223333:policy/Gone` is not in the input; its permissions are incomplete',
    ]);
    expect(result.design.roles[0]!.observed?.incomplete).toHaveLength(1);
    expect(result.design.roles).toHaveLength(2);
  });

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
