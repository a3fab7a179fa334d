import { describe, expect, it } from 'vitest';
import { makeAnyone, makeGroup, makeManagedPolicy, makePolicy, makeResource } from './factories';
import { deriveMembershipEdges, derivePermissionEdges } from './permission-edges';
import { sampleDesign } from './sample';
import { trustText as policyText } from './test-fixtures';
import type { Design, ResourceType } from './types';

const BUCKET = 'arn:aws:s3:::prod-artifacts';

/** The sample with the bucket policy, Deploy's policies and Production's SCPs replaced. */
function variant(change: {
  bucketPolicy?: object[];
  deployPolicy?: object[];
  boundary?: object[];
  scp?: object[];
  alicePolicy?: object[];
}): Design {
  const base = sampleDesign();
  const design = change.boundary
    ? {
        ...base,
        managedPolicies: [
          makeManagedPolicy({
            id: 'b',
            type: 'customer-managed',
            account: 'acct-prod',
            name: 'B',
            text: policyText(...change.boundary),
          }),
        ],
      }
    : base;
  const resources = design.resources.map((r) =>
    change.bucketPolicy ? { ...r, policy: policyText(...change.bucketPolicy) } : r,
  );
  const roles = design.roles.map((r) => {
    if (r.id !== 'role-deploy') return r;
    return {
      ...r,
      policies: change.deployPolicy
        ? [makePolicy({ id: 'p', name: 'P', text: policyText(...change.deployPolicy) })]
        : r.policies,
      permissionsBoundary: change.boundary ? 'b' : null,
    };
  });
  const users = design.users.map((u) =>
    change.alicePolicy
      ? {
          ...u,
          policies: [makePolicy({ id: 'a', name: 'A', text: policyText(...change.alicePolicy) })],
        }
      : u,
  );
  const accounts = design.accounts.map((a) =>
    a.id === 'acct-prod' && change.scp
      ? {
          ...a,
          organization: [
            {
              id: 'root',
              name: 'Root',
              kind: 'root' as const,
              scps: [{ id: 's', name: 'S', text: policyText(...change.scp) }],
              rcps: [],
            },
          ],
        }
      : a,
  );
  return { ...design, resources, roles, users, accounts };
}

const pairs = (design: Design) =>
  derivePermissionEdges(design).map((e) => `${e.source}->${e.target}: ${e.actions.join(' ')}`);
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('derivePermissionEdges', () => {
  it.each<[string, Design, string[]]>([
    [
      'the sample',
      sampleDesign(),
      [
        'role-deploy->resource-artifacts: s3:GetObject s3:ListBucket',
        'role-github-deploy->resource-artifacts: s3:PutObject',
      ],
    ],
    [
      'a bucket policy Deny of the role',
      variant({
        bucketPolicy: [
          {
            Effect: 'Deny',
            Principal: { AWS: 'arn:aws:iam::222222222222:role/Deploy' },
            Action: 's3:*',
            Resource: [BUCKET, `${BUCKET}/*`],
          },
        ],
      }),
      ['role-github-deploy->resource-artifacts: s3:PutObject'],
    ],
    [
      'an SCP allowing only S3 reads',
      variant({ scp: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }] }),
      ['role-deploy->resource-artifacts: s3:GetObject s3:ListBucket'],
    ],
    [
      'a boundary without S3',
      variant({ boundary: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] }),
      ['role-github-deploy->resource-artifacts: s3:PutObject'],
    ],
    [
      'a policy on object keys under a prefix',
      variant({
        deployPolicy: [{ Effect: 'Allow', Action: 's3:DeleteObject', Resource: `${BUCKET}/tmp/*` }],
      }),
      [
        'role-deploy->resource-artifacts: s3:DeleteObject',
        'role-github-deploy->resource-artifacts: s3:PutObject',
      ],
    ],
    [
      'cross-account without a bucket policy grant',
      variant({ alicePolicy: [allowAll] }),
      [
        'role-deploy->resource-artifacts: s3:GetObject s3:ListBucket',
        'role-github-deploy->resource-artifacts: s3:PutObject',
      ],
    ],
    [
      'cross-account with a bucket policy grant',
      variant({
        alicePolicy: [allowAll],
        bucketPolicy: [
          {
            Effect: 'Allow',
            Principal: { AWS: '111111111111' },
            Action: 's3:GetObject',
            Resource: `${BUCKET}/*`,
          },
        ],
      }),
      [
        'user-alice->resource-artifacts: s3:GetObject',
        'role-deploy->resource-artifacts: s3:GetObject s3:ListBucket',
        'role-github-deploy->resource-artifacts: s3:PutObject',
      ],
    ],
  ])('%s', (_name, design, expected) => {
    expect(pairs(design)).toEqual(expected);
  });

  it('draws a public bucket from Anyone', () => {
    const design = variant({
      bucketPolicy: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` },
      ],
    });
    const withAnyone = { ...design, outsidePrincipals: [makeAnyone(() => 'anyone')] };
    expect(pairs(withAnyone)).toContain('anyone->resource-artifacts: s3:GetObject');
  });

  it('needs the key policy for KMS, and lets a service in through a queue policy', () => {
    const base = sampleDesign();
    const key = (policy: string) =>
      makeResource(
        {
          id: 'key',
          account: 'acct-prod',
          name: 'k1',
          resourceType: 'kms-key' as ResourceType,
          policy,
        },
        () => 'key',
      );
    const deploy = {
      ...base.roles[1]!,
      policies: [
        makePolicy({
          id: 'p',
          name: 'P',
          text: policyText({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }),
        }),
      ],
    };
    const roles = [base.roles[0]!, deploy, ...base.roles.slice(2)];
    const withoutKeyPolicy: Design = { ...base, roles, resources: [key('')] };
    expect(pairs(withoutKeyPolicy)).toEqual([]);
    const keyPolicy = policyText({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::222222222222:root' },
      Action: 'kms:*',
      Resource: '*',
    });
    expect(pairs({ ...withoutKeyPolicy, resources: [key(keyPolicy)] })).toEqual([
      'role-deploy->key: kms:Decrypt',
    ]);

    const queue = makeResource(
      {
        id: 'q',
        account: 'acct-prod',
        name: 'orders',
        resourceType: 'sqs-queue',
        policy: policyText({
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: '*',
        }),
      },
      () => 'q',
    );
    expect(pairs({ ...base, resources: [queue] })).toEqual(['service-lambda->q: sqs:SendMessage']);
  });

  it('gives a user the permissions of its groups, and draws the membership', () => {
    const base = sampleDesign();
    const group = {
      ...makeGroup({ id: 'g', account: 'acct-dev', name: 'readers' }),
      policies: [makePolicy({ id: 'gp', name: 'G', text: policyText(allowAll) })],
    };
    const bucket = makeResource(
      { id: 'b', account: 'acct-dev', name: 'dev-bucket', resourceType: 's3-bucket' },
      () => 'b',
    );
    const design: Design = {
      ...base,
      groups: [group],
      users: base.users.map((u) => ({ ...u, groups: ['g'] })),
      resources: [bucket],
    };
    expect(
      derivePermissionEdges(design, { sources: ['user-alice'] }).map((e) => e.actions.length),
    ).toEqual([7]);
    expect(deriveMembershipEdges(design)).toEqual([
      { id: 'member:user-alice:g', source: 'user-alice', target: 'g' },
    ]);
  });
});
