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
import { doc, file, role, run, sample } from './import-fixtures';
import { importAuthzFiles } from './import';

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
});
