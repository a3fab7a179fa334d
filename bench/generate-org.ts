/**
 * A seeded organization as `get-account-authorization-details` files, one per account, with
 * the shapes real accounts have: users in groups with shared managed policies, service roles
 * (Lambda, EC2, ECS, Glue, CodeBuild) with customer-managed policies, cross-account roles
 * trusting a security account (with and without ExternalId), SAML roles behind an IdP, GitHub
 * Actions roles (some pinned to a repository, some not), role-to-role trusts, CI roles with
 * PassRole, a few escalation-prone users, boundaries, RoleLastUsed old and recent.
 * Default: 100 accounts, 20,000 roles, 5,000 users.
 */

export interface OrgOptions {
  accounts: number;
  rolesPerAccount: number;
  usersPerAccount: number;
  seed: number;
}

const DEFAULT_ORG: OrgOptions = {
  accounts: 100,
  rolesPerAccount: 200,
  usersPerAccount: 50,
  seed: 7,
};

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;
const V = '2012-10-17';
const docOf = (...Statement: Json[]) => ({ Version: V, Statement });
const allow = (
  Action: string | string[],
  Resource: string | string[] = '*',
  Condition?: Json,
): Json => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});

const SERVICES = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'glue.amazonaws.com',
  'codebuild.amazonaws.com',
  'states.amazonaws.com',
];
const AWS_MANAGED: Record<string, Json> = {
  ReadOnlyAccess: docOf(
    allow([
      's3:Get*',
      's3:List*',
      'ec2:Describe*',
      'iam:Get*',
      'iam:List*',
      'lambda:Get*',
      'lambda:List*',
    ]),
  ),
  AdministratorAccess: docOf(allow('*')),
  AWSLambdaBasicExecutionRole: docOf(
    allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']),
  ),
  PowerUserAccess: {
    Version: V,
    Statement: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow(['iam:CreateServiceLinkedRole', 'iam:ListRoles']),
    ],
  },
};
const awsArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;

function accountId(i: number): string {
  return String(100000000000 + i * 1111);
}

/** One authorization-details document per account, as the AWS CLI writes it. */
export function generateOrg(options: OrgOptions = DEFAULT_ORG): { name: string; text: string }[] {
  const rand = random(options.seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const security = accountId(0);
  const files: { name: string; text: string }[] = [];
  for (let a = 0; a < options.accounts; a++) {
    const id = accountId(a);
    const iam = (kind: string, name: string) => `arn:aws:iam::${id}:${kind}/${name}`;
    const customer = Array.from({ length: 20 }, (_, p) => {
      const bucket = `app-${a}-${p}`;
      const statements = [
        allow(['s3:GetObject', 's3:PutObject'], `arn:aws:s3:::${bucket}/*`),
        allow('sqs:SendMessage', `arn:aws:sqs:us-east-1:${id}:queue-${p}`),
      ];
      if (p === 0)
        statements.push(
          allow(['iam:PassRole'], iam('role', 'svc-*'), {
            StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' },
          }),
          allow(['lambda:CreateFunction', 'lambda:InvokeFunction']),
        );
      if (p === 1)
        statements.push(
          allow(['iam:CreatePolicyVersion'], `arn:aws:iam::${id}:policy/app-policy-1`),
        );
      if (p === 2)
        statements.push(
          allow('ssm:StartSession', `arn:aws:ec2:us-east-1:${id}:instance/*`, {
            StringEquals: { 'aws:ResourceTag/team': 'ops' },
          }),
        );
      return {
        PolicyName: `app-policy-${p}`,
        PolicyId: `ANPA${id}${p}`,
        Arn: `arn:aws:iam::${id}:policy/app-policy-${p}`,
        Path: '/',
        DefaultVersionId: p === 3 ? 'v2' : 'v1',
        AttachmentCount: 0,
        IsAttachable: true,
        CreateDate: '2023-01-01T00:00:00Z',
        PolicyVersionList: [
          {
            Document:
              p % 2 === 0
                ? docOf(...statements)
                : encodeURIComponent(JSON.stringify(docOf(...statements))),
            VersionId: p === 3 ? 'v2' : 'v1',
            IsDefaultVersion: true,
            CreateDate: '2023-01-01T00:00:00Z',
          },
          ...(p === 3
            ? [
                {
                  Document: docOf(allow('*')),
                  VersionId: 'v1',
                  IsDefaultVersion: false,
                  CreateDate: '2022-01-01T00:00:00Z',
                },
              ]
            : []),
        ],
      };
    });
    const groups = [
      {
        GroupName: 'Developers',
        attached: [awsArn('ReadOnlyAccess'), `arn:aws:iam::${id}:policy/app-policy-4`],
        inline: [docOf(allow('sts:AssumeRole', iam('role', 'deploy-*')))],
      },
      { GroupName: 'Operators', attached: [awsArn('PowerUserAccess')], inline: [] },
      { GroupName: 'Admins', attached: [awsArn('AdministratorAccess')], inline: [] },
      { GroupName: 'Auditors', attached: [awsArn('ReadOnlyAccess')], inline: [] },
      { GroupName: 'Support', attached: [`arn:aws:iam::${id}:policy/app-policy-2`], inline: [] },
    ].map((g) => ({
      Path: '/',
      GroupName: g.GroupName,
      GroupId: `AGPA${id}${g.GroupName.toUpperCase()}`,
      Arn: iam('group', g.GroupName),
      CreateDate: '2022-05-01 10:00:00+00:00',
      GroupPolicyList: g.inline.map((d, i) => ({
        PolicyName: `${g.GroupName}-inline-${i}`,
        PolicyDocument: d,
      })),
      AttachedManagedPolicies: g.attached.map((arn) => ({
        PolicyName: arn.slice(arn.lastIndexOf('/') + 1),
        PolicyArn: arn,
      })),
    }));
    const users = Array.from({ length: options.usersPerAccount }, (_, u) => {
      const r = rand();
      const group =
        r < 0.6
          ? 'Developers'
          : r < 0.75
            ? 'Operators'
            : r < 0.78
              ? 'Admins'
              : r < 0.9
                ? 'Auditors'
                : 'Support';
      const inline = [];
      if (u % 25 === 3)
        inline.push({
          PolicyName: 'self-service',
          PolicyDocument: docOf(
            allow(['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], iam('user', '*')),
          ),
        });
      if (u % 40 === 7)
        inline.push({
          PolicyName: 'ci',
          PolicyDocument: docOf(allow(['iam:PassRole', 'ec2:RunInstances'])),
        });
      return {
        Path: '/',
        UserName: `user-${a}-${u}`,
        UserId: `AIDA${id}${u}`,
        Arn: iam('user', `user-${a}-${u}`),
        CreateDate: 1672531200 + u,
        GroupList: [group],
        UserPolicyList: inline,
        AttachedManagedPolicies:
          u % 10 === 0
            ? [
                {
                  PolicyName: `app-policy-${u % 20}`,
                  PolicyArn: `arn:aws:iam::${id}:policy/app-policy-${u % 20}`,
                },
              ]
            : [],
        ...(u % 17 === 0
          ? {
              PermissionsBoundary: {
                PermissionsBoundaryType: 'Policy',
                PermissionsBoundaryArn: awsArn('PowerUserAccess'),
              },
            }
          : {}),
        Tags: u % 5 === 0 ? [{ Key: 'team', Value: pick(['ops', 'web', 'data']) }] : [],
      };
    });
    const roles = Array.from({ length: options.rolesPerAccount }, (_, n) => {
      const r = rand();
      let name: string;
      let trust: Json;
      let attached: string[];
      const inline: Json[] = [];
      if (r < 0.55) {
        const service = pick(SERVICES);
        name = `svc-${service.split('.')[0]}-${n}`;
        trust = docOf({
          Effect: 'Allow',
          Principal: { Service: service },
          Action: 'sts:AssumeRole',
        });
        attached = [
          `arn:aws:iam::${id}:policy/app-policy-${n % 20}`,
          ...(service.startsWith('lambda') ? [awsArn('AWSLambdaBasicExecutionRole')] : []),
        ];
      } else if (r < 0.7) {
        name = `deploy-${n}`;
        trust = docOf({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${id}:root` },
          Action: 'sts:AssumeRole',
          ...(n % 3 === 0 ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
        });
        attached = [`arn:aws:iam::${id}:policy/app-policy-${n % 20}`];
      } else if (r < 0.8) {
        name = `audit-${n}`;
        trust = docOf({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${security}:root` },
          Action: 'sts:AssumeRole',
          ...(n % 2 === 0 ? { Condition: { StringEquals: { 'sts:ExternalId': `ext-${a}` } } } : {}),
        });
        attached = [awsArn('ReadOnlyAccess')];
      } else if (r < 0.9) {
        name = `sso-${pick(['Admin', 'ReadOnly', 'Dev'])}-${n}`;
        trust = docOf({
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${id}:saml-provider/Okta` },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        });
        attached = [
          name.includes('Admin') ? awsArn('AdministratorAccess') : awsArn('ReadOnlyAccess'),
        ];
      } else if (r < 0.95) {
        name = `gha-${n}`;
        const gh = 'token.actions.githubusercontent.com';
        const sub =
          n % 4 === 0
            ? undefined
            : n % 4 === 1
              ? `repo:acme/*`
              : `repo:acme/app-${n}:ref:refs/heads/main`;
        trust = docOf({
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${id}:oidc-provider/${gh}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { [`${gh}:aud`]: 'sts.amazonaws.com' },
            ...(sub ? { StringLike: { [`${gh}:sub`]: sub } } : {}),
          },
        });
        attached = [`arn:aws:iam::${id}:policy/app-policy-0`];
      } else {
        name = `chain-${n}`;
        trust = docOf({
          Effect: 'Allow',
          Principal: { AWS: iam('role', `deploy-${Math.max(0, n - 1 - Math.floor(rand() * 20))}`) },
          Action: 'sts:AssumeRole',
        });
        inline.push({
          PolicyName: 'chain',
          PolicyDocument: docOf(allow('sts:AssumeRole', iam('role', 'svc-*'))),
        });
        attached = [`arn:aws:iam::${id}:policy/app-policy-${n % 20}`];
      }
      const lastUsed =
        rand() < 0.3
          ? {}
          : {
              LastUsedDate: rand() < 0.5 ? '2026-05-20T10:00:00Z' : '2025-01-01T10:00:00Z',
              Region: 'us-east-1',
            };
      return {
        Path: '/',
        RoleName: name,
        RoleId: `AROA${id}${n}`,
        Arn: iam('role', name),
        CreateDate: '2023-03-01T00:00:00Z',
        AssumeRolePolicyDocument: n % 2 === 0 ? trust : encodeURIComponent(JSON.stringify(trust)),
        InstanceProfileList: name.startsWith('svc-ec2')
          ? [{ InstanceProfileName: name, Arn: iam('instance-profile', name) }]
          : [],
        RolePolicyList: inline,
        AttachedManagedPolicies: attached.map((arn) => ({
          PolicyName: arn.slice(arn.lastIndexOf('/') + 1),
          PolicyArn: arn,
        })),
        Tags: [],
        RoleLastUsed: lastUsed,
        MaxSessionDuration: 3600,
      };
    });
    const awsPolicies = Object.entries(AWS_MANAGED).map(([name, doc]) => ({
      PolicyName: name,
      PolicyId: `ANPAAWS${name.toUpperCase()}`,
      Arn: awsArn(name),
      Path: '/',
      DefaultVersionId: 'v1',
      PolicyVersionList: [{ Document: doc, VersionId: 'v1', IsDefaultVersion: true }],
    }));
    const body = {
      UserDetailList: users,
      GroupDetailList: groups,
      RoleDetailList: roles,
      Policies: [...customer, ...awsPolicies],
    };
    files.push({ name: `account-${id}.json`, text: JSON.stringify(body) });
  }
  return files;
}
