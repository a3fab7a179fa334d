import { describe, expect, it } from 'vitest';
import { StsSimulator } from '../../sts/index.ts';
import {
  makeAccount,
  makeGroup,
  makeManagedPolicy,
  makePolicy,
  makeResource,
  makeRole,
  makeUser,
  sampleDesign,
  sequentialIds,
  emptyDesign,
  type Design,
} from '../../model';
import { designToWorld } from './design-world';

const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const DEVELOPER = 'arn:aws:iam::111111111111:role/Developer';

/** One account in an organization (root, OU, account), a user in a group, a role, a bucket. */
function orgDesign(): Design {
  const ids = sequentialIds();
  const base = emptyDesign('org', ids);
  const account = makeAccount(
    {
      id: 'acct',
      awsAccountId: '333333333333',
      name: 'Member',
      organization: [
        {
          id: 'root',
          name: 'Root',
          kind: 'root',
          scps: [{ id: 'full', name: 'FullAWSAccess', text: allowAll }],
          rcps: [],
        },
        {
          id: 'ou',
          name: 'Workloads',
          kind: 'ou',
          scps: [
            { id: 'full-ou', name: 'FullAWSAccess', text: allowAll },
            {
              id: 'no-iam',
              name: 'DenyIam',
              text: doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }),
            },
          ],
          rcps: [
            {
              id: 'rcp-1',
              name: 'OnlyOrg',
              text: doc({
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: '*',
                Condition: { StringNotEquals: { 'aws:PrincipalAccount': '333333333333' } },
              }),
            },
          ],
        },
        {
          id: 'acct-level',
          name: 'Member',
          kind: 'account',
          scps: [{ id: 'full-acct', name: 'FullAWSAccess', text: allowAll }],
          rcps: [],
        },
      ],
    },
    ids,
  );
  return {
    ...base,
    accounts: [account],
    managedPolicies: [
      makeManagedPolicy(
        { id: 'b1', type: 'customer-managed', account: 'acct', name: 'Boundary', text: allowAll },
        ids,
      ),
    ],
    groups: [
      makeGroup(
        {
          id: 'devs',
          account: 'acct',
          name: 'devs',
          policies: [
            makePolicy(
              {
                id: 'g1',
                name: 'GroupRead',
                text: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
              },
              ids,
            ),
          ],
        },
        ids,
      ),
    ],
    users: [
      makeUser(
        {
          id: 'bob',
          account: 'acct',
          name: 'bob',
          groups: ['devs'],
          tags: { team: 'web' },
          policies: [
            makePolicy(
              {
                id: 'u1',
                name: 'Own',
                text: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
              },
              ids,
            ),
          ],
          permissionsBoundary: 'b1',
        },
        ids,
      ),
    ],
    roles: [
      makeRole(
        {
          id: 'app',
          account: 'acct',
          name: 'App',
          path: '/svc/',
          maxSessionDuration: 7200,
          tags: { env: 'prod' },
        },
        ids,
      ),
    ],
    resources: [
      makeResource(
        {
          id: 'bucket',
          account: 'acct',
          name: 'data',
          resourceType: 's3-bucket',
          policy: doc({
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::data/*',
          }),
        },
        ids,
      ),
    ],
  };
}

describe('designToWorld', () => {
  it('maps the sample design to principals, roles and resources by ARN', () => {
    const { world, sources, skipped } = designToWorld(sampleDesign());
    expect(skipped).toEqual([]);
    expect(world.principals?.map((p) => p.arn)).toEqual([ALICE]);
    expect(world.roles?.map((r) => r.arn)).toEqual([
      DEVELOPER,
      'arn:aws:iam::222222222222:role/Deploy',
      'arn:aws:iam::222222222222:role/service-role/OrdersFunctionRole',
      'arn:aws:iam::222222222222:role/GitHubDeploy',
    ]);
    expect(world.resources).toEqual([
      expect.objectContaining({ arn: 'arn:aws:s3:::prod-artifacts', account: '222222222222' }),
    ]);
    expect(world.scp).toEqual({});
    expect(sources.entityByArn.get(DEVELOPER)).toBe('role-developer');
    expect(
      sources.entityByArn.get(
        'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
      ),
    ).toBe('idp-github');
    expect(sources.trust.get(DEVELOPER)).toMatchObject({
      entityId: 'role-developer',
      slot: { kind: 'trust' },
    });
  });

  it('gives a user its own and its groups’ policies, boundary and tags, with sources in the same order', () => {
    const { world, sources } = designToWorld(orgDesign());
    const bob = world.principals?.[0];
    expect(bob?.arn).toBe('arn:aws:iam::333333333333:user/bob');
    expect(bob?.identityPolicies).toHaveLength(2);
    expect(bob?.permissionsBoundary).toBeDefined();
    expect(bob?.tags).toEqual({ team: 'web' });
    expect(
      sources.identity.get('arn:aws:iam::333333333333:user/bob')?.map((s) => [s.entityId, s.name]),
    ).toEqual([
      ['bob', 'Own'],
      ['devs', 'GroupRead'],
    ]);
    expect(sources.boundary.get('arn:aws:iam::333333333333:user/bob')?.slot).toEqual({
      kind: 'boundary',
    });
  });

  it('keeps SCP levels root first and gives RCPs to the role and the account', () => {
    const { world, sources } = designToWorld(orgDesign());
    expect(world.scp?.['333333333333']?.map((level) => level.length)).toEqual([1, 2, 1]);
    expect(sources.scp.get('333333333333')?.[1]?.[1]?.slot).toEqual({
      kind: 'scp',
      levelId: 'ou',
      policyId: 'no-iam',
    });
    expect(world.rcp?.['333333333333']?.map((level) => level.length)).toEqual([0, 1, 0]);
    const role = world.roles?.[0];
    expect(role).toMatchObject({
      arn: 'arn:aws:iam::333333333333:role/svc/App',
      maxSessionDuration: 7200,
      tags: { env: 'prod' },
    });
    expect(role?.rcp).toBe(world.rcp?.['333333333333']);
  });

  it('leaves out policies that are not JSON objects and says which', () => {
    const design = sampleDesign();
    const broken: Design = {
      ...design,
      users: design.users.map((u) => ({
        ...u,
        policies: [
          ...u.policies,
          makePolicy({ id: 'bad', name: 'Broken', text: '{"Statement": [' }),
        ],
      })),
    };
    const { world, sources, skipped } = designToWorld(broken);
    expect(skipped.map((s) => s.source.name)).toEqual(['Broken']);
    expect(skipped[0]?.reason).toMatch(/^invalid JSON/);
    expect(world.principals?.[0]?.identityPolicies).toHaveLength(1);
    expect(sources.identity.get(ALICE)).toHaveLength(1);
  });

  it('runs the sample’s chain in the simulator: alice with MFA to Developer to Deploy', () => {
    const sim = new StsSimulator({ world: designToWorld(sampleDesign()).world });
    const first = sim.assume({
      by: { principal: ALICE },
      roleArn: DEVELOPER,
      params: {
        RoleSessionName: 'alice',
        SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
        TokenCode: '123456',
      },
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = sim.assume({
      by: { accessKeyId: first.session.accessKeyId },
      roleArn: 'arn:aws:iam::222222222222:role/Deploy',
      params: { RoleSessionName: 'deploy', ExternalId: 'rolecraft-deploy' },
    });
    expect(second.ok).toBe(true);
  });

  it('denies where the design does: without MFA alice cannot become Developer', () => {
    const sim = new StsSimulator({ world: designToWorld(sampleDesign()).world });
    const result = sim.assume({
      by: { principal: ALICE },
      roleArn: DEVELOPER,
      params: { RoleSessionName: 'alice' },
    });
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.kind === 'trust-condition')?.status).toBe('fail');
  });
});
