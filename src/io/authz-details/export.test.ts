import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachedPolicies, sampleDesign, sequentialIds, type Design } from '../../model';
import { comparable } from '../export/round-trip/comparable';
import { richDesign } from '../export/round-trip/rich-design';
import { authzDetailsExport } from './export';
import { importAuthzFiles } from './import';

const sample = readFileSync(
  new URL(
    '../../../fixtures/authz-details/cloudsplaining-example-authz-details.json',
    import.meta.url,
  ),
  'utf8',
);

async function reimport(files: { name: string; text: string }[]): Promise<Design> {
  const result = await importAuthzFiles(files, { ids: sequentialIds(), layout: false });
  if (!result.ok) throw new Error(result.reason);
  expect(result.summary.refused).toEqual([]);
  expect(result.summary.incomplete).toEqual([]);
  return result.design;
}

/** What authorization details carry: IAM principals and managed policies (no providers, no resource policies). */
function iamOnly(design: Design) {
  const { identityProviders: _p, resourcePolicies: _r, ...rest } = comparable(design);
  return rest;
}

const versions = (d: Design) =>
  [...d.users, ...d.groups, ...d.roles].flatMap((p) =>
    attachedPolicies(d, p)
      .filter((x) => x.otherVersions)
      .map((x) => [p.name, x.name, x.otherVersions]),
  );

describe('authorization details export', () => {
  it.each([
    ['the rich design', richDesign],
    ['the sample', sampleDesign],
  ])('re-imports %s equal', async (_name, make) => {
    const { files, warnings } = authzDetailsExport(make());
    expect(warnings).toEqual([]);
    expect(iamOnly(await reimport(files))).toEqual(iamOnly(make()));
  });

  it('writes a file per account in the shape the AWS CLI prints', () => {
    const { files } = authzDetailsExport(richDesign());
    expect(files.map((f) => f.name)).toEqual([
      'rich-export-test-111111111111-authorization-details.json',
      'rich-export-test-222222222222-authorization-details.json',
    ]);
    const dev = JSON.parse(files[0]!.text) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(dev)).toEqual([
      'UserDetailList',
      'GroupDetailList',
      'RoleDetailList',
      'Policies',
      'IsTruncated',
    ]);
    expect(dev.UserDetailList![0]).toEqual({
      Path: '/people/',
      UserName: 'alice',
      Arn: 'arn:aws:iam::111111111111:user/people/alice',
      UserPolicyList: [
        {
          PolicyName: 'AssumeDeveloper',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: 'arn:aws:iam::111111111111:role/Developer',
                Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } },
              },
            ],
          },
        },
      ],
      GroupList: ['Developers'],
      AttachedManagedPolicies: [
        { PolicyName: 'ReadLogs', PolicyArn: 'arn:aws:iam::111111111111:policy/shared/ReadLogs' },
      ],
      PermissionsBoundary: {
        PermissionsBoundaryType: 'Policy',
        PermissionsBoundaryArn: 'arn:aws:iam::111111111111:policy/DevBoundary',
      },
      Tags: [
        { Key: 'team', Value: 'platform' },
        { Key: 'cost:centre', Value: '42 "north"' },
      ],
    });
    // One entry per managed policy, however many principals attach it.
    const readLogs = dev.Policies!.filter((p) => p.PolicyName === 'ReadLogs');
    expect(readLogs).toHaveLength(1);
    expect(readLogs[0]).toMatchObject({
      AttachmentCount: 3,
      DefaultVersionId: 'v1',
      Path: '/shared/',
      Description: 'Reads every log group',
    });
  });

  it('round-trips a real account: unique ids, last use, instance profiles and other policy versions', async () => {
    const first = await reimport([{ name: 'sample.json', text: sample }]);
    const { files } = authzDetailsExport(first);
    const second = await reimport(files);
    expect(comparable(second)).toEqual(comparable(first));
    const facts = (d: Design) => [
      ...d.users.map((u) => [u.name, u.observed]),
      ...d.groups.map((g) => [g.name, g.observed]),
      ...d.roles.map((r) => [r.name, r.observed]),
    ];
    expect(facts(second)).toEqual(facts(first));
    expect(versions(second)).toEqual(versions(first));
  });

  it('keeps the versions of a managed policy other than the default', async () => {
    const design = richDesign();
    const older = {
      versionId: 'v2',
      text: JSON.stringify({ Version: '2012-10-17', Statement: [] }, null, 2),
    };
    for (const policy of design.managedPolicies)
      if (policy.name === 'ReadLogs') policy.otherVersions = [older];
    const { files } = authzDetailsExport(design);
    const policy = (
      JSON.parse(files[0]!.text) as { Policies: Record<string, unknown>[] }
    ).Policies.find((p) => p.PolicyName === 'ReadLogs')!;
    expect(policy.DefaultVersionId).toBe('v3');
    expect(versions(await reimport(files))).toEqual(versions(design));
    expect(versions(design)).toHaveLength(3);
  });
});
