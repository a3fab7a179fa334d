import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  ADMIN_DOC,
  allow,
  arn,
  build,
  deny,
  doc,
  trustStatement,
  type AccountBuilder,
} from './test-accounts';
import type { TechniqueId } from './types';

const ROOT = { AWS: `arn:aws:iam::${ACCOUNT}:root` };
const ALICE = arn('user', 'alice');
const past = { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } };

/** The escalations of `principal` found by the analysis, as gains -> techniques of its steps. */
function escalationsOf(b: AccountBuilder, principal = ALICE) {
  return b
    .analyze()
    .result.escalations.filter((e) => e.principal === principal)
    .map((e) => ({
      gains: e.gains,
      techniques: e.steps.map((s) => s.technique),
      needs: e.steps.flatMap((s) => s.needs),
    }));
}

const adminRole = (b: AccountBuilder, name: string, service: string) =>
  b.role(name, [trustStatement({ Service: service })], [ADMIN_DOC]);

interface Case {
  technique: TechniqueId;
  /** Who starts (default alice). */
  principal?: string;
  gains: string;
  positive: (b: AccountBuilder) => void;
  /** The trap that must find nothing for this technique. */
  trap: string;
  negative: (b: AccountBuilder) => void;
}

const passRole = (service: string, roleName: string) =>
  allow('iam:PassRole', arn('role', roleName), {
    StringEquals: { 'iam:PassedToService': service },
  });

const serviceCase = (
  technique: TechniqueId,
  service: string,
  actions: string[],
  trap: string,
  negativeActions: string[],
  withPassRole = true,
): Case => ({
  technique,
  gains: arn('role', 'Target'),
  positive: (b) => {
    adminRole(b, 'Target', service);
    b.user('alice', [doc(allow(actions), ...(withPassRole ? [passRole(service, 'Target')] : []))]);
  },
  trap,
  negative: (b) => {
    adminRole(b, 'Target', service);
    b.user('alice', [
      doc(allow(negativeActions), ...(withPassRole ? [passRole(service, 'Target')] : [])),
    ]);
  },
});

const cases: Case[] = [
  {
    technique: 'sts-assume-role',
    gains: arn('role', 'Admin'),
    positive: (b) => {
      b.role('Admin', [trustStatement(ROOT)], [ADMIN_DOC]);
      b.user('alice', [doc(allow('sts:AssumeRole', arn('role', 'Admin')))]);
    },
    trap: 'a Deny of the same action',
    negative: (b) => {
      b.role('Admin', [trustStatement(ROOT)], [ADMIN_DOC]);
      b.user('alice', [
        doc(allow('sts:AssumeRole', '*'), deny('sts:AssumeRole', arn('role', 'Admin'))),
      ]);
    },
  },
  {
    technique: 'iam-create-policy-version',
    gains: 'admin',
    positive: (b) => {
      const mine = b.policy(doc(allow('s3:ListAllMyBuckets')), 'Mine', 'customer-managed');
      b.user('alice', [
        mine,
        doc(allow('iam:CreatePolicyVersion', `arn:aws:iam::${ACCOUNT}:policy/Mine`)),
      ]);
    },
    trap: 'the action only on AWS-managed policies (they cannot be versioned)',
    negative: (b) => {
      const managed = b.policy(doc(allow('s3:ListAllMyBuckets')), 'ReadOnlyAccess', 'aws-managed');
      b.user('alice', [managed, doc(allow('iam:CreatePolicyVersion', '*'))]);
    },
  },
  {
    technique: 'iam-set-default-policy-version',
    gains: 'admin',
    positive: (b) => {
      const mine = b.policy(doc(allow('iam:SetDefaultPolicyVersion')), 'Mine', 'customer-managed', [
        { versionId: 'v1', text: ADMIN_DOC },
      ]);
      b.user('alice', [mine]);
    },
    trap: 'no non-default version that grants more',
    negative: (b) => {
      const mine = b.policy(doc(allow('iam:SetDefaultPolicyVersion')), 'Mine', 'customer-managed', [
        { versionId: 'v1', text: doc(allow('s3:GetObject')) },
      ]);
      b.user('alice', [mine]);
    },
  },
  {
    technique: 'iam-attach-user-policy',
    gains: 'admin',
    positive: (b) => void b.user('alice', [doc(allow('iam:AttachUserPolicy', ALICE))]),
    trap: 'a condition that can never hold now',
    negative: (b) => void b.user('alice', [doc(allow('iam:AttachUserPolicy', ALICE, past))]),
  },
  {
    technique: 'iam-put-user-policy',
    gains: 'admin',
    positive: (b) => void b.user('alice', [doc(allow('iam:PutUserPolicy', ALICE))]),
    trap: 'a Deny of the same action',
    negative: (b) =>
      void b.user('alice', [doc(allow('iam:PutUserPolicy', ALICE), deny('iam:PutUserPolicy'))]),
  },
  {
    technique: 'iam-attach-group-policy',
    gains: 'admin',
    positive: (b) => {
      const alice = b.user('alice', [doc(allow('iam:AttachGroupPolicy', arn('group', 'Dev')))]);
      b.group('Dev', [], [alice]);
    },
    trap: 'the actor is not in the group',
    negative: (b) => {
      b.user('alice', [doc(allow('iam:AttachGroupPolicy', arn('group', 'Dev')))]);
      b.group('Dev', []);
    },
  },
  {
    technique: 'iam-put-group-policy',
    gains: 'admin',
    positive: (b) => {
      const alice = b.user('alice', [doc(allow('iam:PutGroupPolicy', arn('group', 'Dev')))]);
      b.group('Dev', [], [alice]);
    },
    trap: 'the action on another group',
    negative: (b) => {
      const alice = b.user('alice', [doc(allow('iam:PutGroupPolicy', arn('group', 'Other')))]);
      b.group('Dev', [], [alice]);
      b.group('Other', []);
    },
  },
  {
    technique: 'iam-attach-role-policy',
    principal: arn('role', 'Worker'),
    gains: 'admin',
    positive: (b) =>
      void b.role(
        'Worker',
        [trustStatement({ Service: 'ec2.amazonaws.com' })],
        [doc(allow('iam:AttachRolePolicy', arn('role', 'Worker')))],
      ),
    trap: 'a Deny of the same action',
    negative: (b) =>
      void b.role(
        'Worker',
        [trustStatement({ Service: 'ec2.amazonaws.com' })],
        [doc(allow('iam:AttachRolePolicy', '*'), deny('iam:AttachRolePolicy'))],
      ),
  },
  {
    technique: 'iam-put-role-policy',
    gains: 'admin',
    positive: (b) => {
      b.role('Ops', [trustStatement({ AWS: ALICE })]);
      b.user('alice', [doc(allow('iam:PutRolePolicy', arn('role', 'Ops')))]);
    },
    trap: 'a role the actor cannot assume',
    negative: (b) => {
      b.role('Ops', [trustStatement({ AWS: arn('user', 'bob') })]);
      b.user('bob');
      b.user('alice', [doc(allow('iam:PutRolePolicy', arn('role', 'Ops')))]);
    },
  },
  {
    technique: 'iam-add-user-to-group',
    gains: 'admin',
    positive: (b) => {
      b.user('alice', [doc(allow('iam:AddUserToGroup', arn('group', 'Admins')))]);
      b.group('Admins', [ADMIN_DOC]);
    },
    trap: 'a Deny of the same action',
    negative: (b) => {
      b.user('alice', [
        doc(allow('iam:AddUserToGroup'), deny('iam:AddUserToGroup', arn('group', 'Admins'))),
      ]);
      b.group('Admins', [ADMIN_DOC]);
    },
  },
  {
    technique: 'iam-update-assume-role-policy',
    gains: arn('role', 'Admin'),
    positive: (b) => {
      b.role('Admin', [trustStatement({ Service: 'ec2.amazonaws.com' })], [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateAssumeRolePolicy', arn('role', 'Admin')))]);
    },
    trap: 'a condition that can never hold now',
    negative: (b) => {
      b.role('Admin', [trustStatement({ Service: 'ec2.amazonaws.com' })], [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateAssumeRolePolicy', arn('role', 'Admin'), past))]);
    },
  },
  {
    technique: 'iam-create-access-key',
    gains: arn('user', 'bob'),
    positive: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateAccessKey', arn('user', 'bob')))]);
    },
    trap: 'the action only on the actor itself',
    negative: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateAccessKey', ALICE))]);
    },
  },
  {
    technique: 'iam-create-login-profile',
    gains: arn('user', 'bob'),
    positive: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateLoginProfile', arn('user', 'bob')))]);
    },
    trap: 'a Deny of the same action',
    negative: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateLoginProfile'), deny('iam:CreateLoginProfile'))]);
    },
  },
  {
    technique: 'iam-update-login-profile',
    gains: arn('user', 'bob'),
    positive: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateLoginProfile', arn('user', 'bob')))]);
    },
    trap: 'a condition that can never hold now',
    negative: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateLoginProfile', arn('user', 'bob'), past))]);
    },
  },
  {
    technique: 'iam-create-role',
    gains: 'admin',
    positive: (b) => void b.user('alice', [doc(allow(['iam:CreateRole', 'iam:AttachRolePolicy']))]),
    trap: 'CreateRole without a way to give the role a policy',
    negative: (b) => void b.user('alice', [doc(allow('iam:CreateRole'))]),
  },
  {
    technique: 'iam-delete-permissions-boundary',
    gains: 'admin',
    positive: (b) =>
      void b.user('alice', [ADMIN_DOC], {
        permissionsBoundary: b.policy(
          doc(allow(['s3:GetObject', 'iam:DeleteUserPermissionsBoundary'])),
          'Boundary',
          'customer-managed',
        ),
      }),
    trap: 'identity policies that grant no more than the boundary',
    negative: (b) =>
      void b.user('alice', [doc(allow(['s3:GetObject', 'iam:DeleteUserPermissionsBoundary']))], {
        permissionsBoundary: b.policy(
          doc(allow(['s3:GetObject', 'iam:DeleteUserPermissionsBoundary'])),
          'Boundary',
          'customer-managed',
        ),
      }),
  },
  {
    technique: 'passrole-ec2',
    gains: arn('role', 'Target'),
    positive: (b) => {
      adminRole(b, 'Target', 'ec2.amazonaws.com');
      b.user('alice', [
        doc(
          allow(['ec2:RunInstances', 'iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile']),
          passRole('ec2.amazonaws.com', 'Target'),
        ),
      ]);
    },
    trap: 'PassRole limited to another service',
    negative: (b) => {
      adminRole(b, 'Target', 'ec2.amazonaws.com');
      b.user('alice', [
        doc(
          allow(['ec2:RunInstances', 'iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile']),
          passRole('lambda.amazonaws.com', 'Target'),
        ),
      ]);
    },
  },
  {
    technique: 'passrole-lambda',
    gains: arn('role', 'Target'),
    positive: (b) => {
      adminRole(b, 'Target', 'lambda.amazonaws.com');
      b.user('alice', [
        doc(
          allow(['lambda:CreateFunction', 'lambda:InvokeFunction']),
          passRole('lambda.amazonaws.com', 'Target'),
        ),
      ]);
    },
    trap: 'a role that does not trust the service',
    negative: (b) => {
      adminRole(b, 'Target', 'ec2.amazonaws.com');
      b.user('alice', [
        doc(
          allow(['lambda:CreateFunction', 'lambda:InvokeFunction']),
          allow('iam:PassRole', arn('role', 'Target')),
        ),
      ]);
    },
  },
  serviceCase(
    'passrole-glue',
    'glue.amazonaws.com',
    ['glue:CreateJob', 'glue:StartJobRun'],
    'CreateJob without StartJobRun',
    ['glue:CreateJob'],
  ),
  serviceCase(
    'passrole-cloudformation',
    'cloudformation.amazonaws.com',
    ['cloudformation:CreateStack'],
    'UpdateStack where CreateStack is needed',
    ['cloudformation:UpdateStack'],
  ),
  serviceCase(
    'passrole-datapipeline',
    'datapipeline.amazonaws.com',
    [
      'datapipeline:CreatePipeline',
      'datapipeline:PutPipelineDefinition',
      'datapipeline:ActivatePipeline',
    ],
    'a pipeline that cannot be activated',
    ['datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
  ),
  serviceCase(
    'passrole-codebuild',
    'codebuild.amazonaws.com',
    ['codebuild:CreateProject', 'codebuild:StartBuildBatch'],
    'a project that cannot be started',
    ['codebuild:CreateProject'],
  ),
  serviceCase(
    'passrole-sagemaker',
    'sagemaker.amazonaws.com',
    ['sagemaker:CreateProcessingJob'],
    'a notebook without its presigned URL',
    ['sagemaker:CreateNotebookInstance'],
  ),
  serviceCase(
    'passrole-ecs',
    'ecs-tasks.amazonaws.com',
    ['ecs:RegisterTaskDefinition', 'ecs:RunTask'],
    'a task definition that is never run',
    ['ecs:RegisterTaskDefinition'],
  ),
  serviceCase(
    'existing-lambda',
    'lambda.amazonaws.com',
    ['lambda:UpdateFunctionCode'],
    'reading a function is not changing it',
    ['lambda:GetFunction'],
    false,
  ),
  serviceCase(
    'existing-glue-endpoint',
    'glue.amazonaws.com',
    ['glue:UpdateDevEndpoint'],
    'reading an endpoint is not changing it',
    ['glue:GetDevEndpoint'],
    false,
  ),
  serviceCase(
    'existing-cloudformation-stack',
    'cloudformation.amazonaws.com',
    ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'],
    'a change set that is never executed',
    ['cloudformation:CreateChangeSet'],
    false,
  ),
  serviceCase(
    'existing-codebuild-project',
    'codebuild.amazonaws.com',
    ['codebuild:StartBuild'],
    'listing builds is not starting one',
    ['codebuild:ListBuilds'],
    false,
  ),
  serviceCase(
    'existing-sagemaker-notebook',
    'sagemaker.amazonaws.com',
    ['sagemaker:CreatePresignedNotebookInstanceUrl'],
    'stopping a notebook is not opening it',
    ['sagemaker:StopNotebookInstance'],
    false,
  ),
  {
    technique: 'existing-ec2-instance',
    gains: arn('role', 'Target'),
    positive: (b) => {
      adminRole(b, 'Target', 'ec2.amazonaws.com');
      b.user('alice', [doc(allow('ssm:StartSession'))]);
    },
    trap: 'an imported role that is in no instance profile',
    negative: (b) => {
      const r = adminRole(b, 'Target', 'ec2.amazonaws.com');
      r.observed = { instanceProfiles: [] };
      b.user('alice', [doc(allow('ssm:StartSession'))]);
    },
  },
];

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
