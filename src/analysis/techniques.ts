/**
 * The escalation techniques of the format README, each a function from an actor to the edges
 * it opens: to another principal (its permissions become the actor's) or to `admin`. Every
 * permission is asked of the adapter through the oracle; the README's "works when" column is
 * read from the design (trusts, attachments, memberships, versions, instance profiles).
 */
import type { EntityId, Group, PermissionPolicy, Role, User } from '../model';
import type { Oracle, Granted } from './oracle';
import type { Probes } from './probes';
import type { AssumeEdge } from './reach';
import type { EscalationStep, TechniqueId } from './types';
import type { Actor, Universe } from './universe';

export const ADMIN = 'admin';

export interface EscalationEdge {
  from: EntityId;
  /** A principal's id, or `admin`. */
  to: EntityId;
  steps: EscalationStep[];
}

export interface TechniqueContext {
  u: Universe;
  oracle: Oracle;
  probes: Probes;
  /** The roles an actor reaches by AssumeRole, each with its shortest path (edges). */
  reached: (from: EntityId) => ReadonlyMap<EntityId, AssumeEdge[]>;
  /** Roles trusting a service principal (lowercased name), by account. */
  serviceRoles: (service: string, account: string) => Role[];
}

const REGION = 'us-east-1';
const NEW = 'rolecraft-escalation';

type Call = [string, string, Record<string, string>?];

function step(
  ctx: TechniqueContext,
  technique: TechniqueId,
  actor: EntityId,
  target: EntityId | string,
  actions: string[],
  needs: string[],
): EscalationStep {
  return {
    technique,
    actor: ctx.u.arnOf(actor),
    target: ctx.u.arn.has(target) ? ctx.u.arnOf(target) : target,
    actions,
    needs,
    actorId: actor,
    targetId: target,
  };
}

function assumeSteps(ctx: TechniqueContext, path: AssumeEdge[]): EscalationStep[] {
  return path.map((e) =>
    step(ctx, 'sts-assume-role', e.source, e.role, ['sts:AssumeRole'], e.needs),
  );
}

/** The actor may (by its identity policies) ask for every action: the cheap gate before asking the adapter. */
const may = (ctx: TechniqueContext, actor: Actor, actions: string[]) =>
  actions.every((a) => ctx.oracle.mayAllowIdentity(actor, a));

export function policyArn(account: string, policy: PermissionPolicy): string {
  return policy.attachment === 'aws-managed'
    ? `arn:aws:iam::aws:policy/${policy.name}`
    : `arn:aws:iam::${account}:policy/${policy.name}`;
}

/** Principals the actor is, belongs to, or reaches by AssumeRole: whose policies it would enjoy. */
function ownedOrReached(ctx: TechniqueContext, actor: Actor) {
  const out: { holder: User | Group | Role; via: AssumeEdge[] }[] = [{ holder: actor, via: [] }];
  if (actor.kind === 'user')
    for (const g of ctx.u.groupsOf.get(actor.id) ?? []) out.push({ holder: g, via: [] });
  for (const [id, via] of ctx.reached(actor.id)) {
    const role = ctx.u.entity(id);
    if (role?.kind === 'role' && role.id !== actor.id) out.push({ holder: role, via });
  }
  return out;
}

type Technique = (ctx: TechniqueContext, actor: Actor) => EscalationEdge[];

const toAdmin = (actor: Actor, steps: EscalationStep[]): EscalationEdge => ({
  from: actor.id,
  to: ADMIN,
  steps,
});

/** iam:CreatePolicyVersion / iam:SetDefaultPolicyVersion on a customer-managed policy the actor enjoys. */
const policyVersionTechniques: Technique = (ctx, actor) => {
  const canCreate = may(ctx, actor, ['iam:CreatePolicyVersion']);
  const canSet = may(ctx, actor, ['iam:SetDefaultPolicyVersion']);
  if (!canCreate && !canSet) return [];
  const edges: EscalationEdge[] = [];
  for (const { holder, via } of ownedOrReached(ctx, actor)) {
    const account = ctx.u.accountOf(holder.id);
    if (!account) continue;
    for (const policy of holder.policies) {
      if (policy.attachment !== 'customer-managed') continue;
      const arn = policyArn(account, policy);
      const create = canCreate && ctx.oracle.call(actor.id, 'iam:CreatePolicyVersion', arn);
      if (create)
        edges.push(
          toAdmin(actor, [
            step(
              ctx,
              'iam-create-policy-version',
              actor.id,
              arn,
              ['iam:CreatePolicyVersion'],
              create.needs,
            ),
            ...assumeSteps(ctx, via),
          ]),
        );
      if (!canSet || !policy.otherVersions?.length) continue;
      const set = ctx.oracle.call(actor.id, 'iam:SetDefaultPolicyVersion', arn);
      if (!set) continue;
      for (const version of policy.otherVersions) {
        const probe = ctx.probes.withVersion(holder, policy, version.text);
        if (!probe) continue;
        edges.push(
          toAdmin(actor, [
            step(
              ctx,
              'iam-set-default-policy-version',
              actor.id,
              arn,
              ['iam:SetDefaultPolicyVersion'],
              [
                ...set.needs,
                ...probe.needs,
                `version ${version.versionId} of \`${arn}\` becomes the default`,
              ],
            ),
            ...assumeSteps(ctx, via),
          ]),
        );
        break;
      }
    }
  }
  return edges;
};

/** Write a policy onto the actor itself, its group, or a role it can assume. */
const writePolicyTechniques: Technique = (ctx, actor) => {
  const edges: EscalationEdge[] = [];
  const pairs: [TechniqueId, string][] =
    actor.kind === 'user'
      ? [
          ['iam-attach-user-policy', 'iam:AttachUserPolicy'],
          ['iam-put-user-policy', 'iam:PutUserPolicy'],
        ]
      : [
          ['iam-attach-role-policy', 'iam:AttachRolePolicy'],
          ['iam-put-role-policy', 'iam:PutRolePolicy'],
        ];
  for (const [technique, action] of pairs) {
    if (!may(ctx, actor, [action])) continue;
    const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(actor.id));
    if (g)
      edges.push(toAdmin(actor, [step(ctx, technique, actor.id, actor.id, [action], g.needs)]));
  }
  if (actor.kind === 'user') {
    for (const [technique, action] of [
      ['iam-attach-group-policy', 'iam:AttachGroupPolicy'],
      ['iam-put-group-policy', 'iam:PutGroupPolicy'],
    ] as [TechniqueId, string][]) {
      if (!may(ctx, actor, [action])) continue;
      for (const group of ctx.u.groupsOf.get(actor.id) ?? []) {
        const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(group.id));
        if (g)
          edges.push(toAdmin(actor, [step(ctx, technique, actor.id, group.id, [action], g.needs)]));
      }
    }
  }
  // A role the actor can assume (a user may reach roles too).
  for (const [technique, action] of [
    ['iam-attach-role-policy', 'iam:AttachRolePolicy'],
    ['iam-put-role-policy', 'iam:PutRolePolicy'],
  ] as [TechniqueId, string][]) {
    if (!may(ctx, actor, [action])) continue;
    for (const [id, via] of ctx.reached(actor.id)) {
      const role = ctx.u.entity(id);
      if (role?.kind !== 'role' || role.id === actor.id) continue;
      const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(role.id));
      if (g)
        edges.push(
          toAdmin(actor, [
            step(ctx, technique, actor.id, role.id, [action], g.needs),
            ...assumeSteps(ctx, via),
          ]),
        );
    }
  }
  return edges;
};

const addUserToGroup: Technique = (ctx, actor) => {
  if (actor.kind !== 'user' || !may(ctx, actor, ['iam:AddUserToGroup'])) return [];
  const account = ctx.u.accountOf(actor.id);
  const mine = new Set((ctx.u.groupsOf.get(actor.id) ?? []).map((g) => g.id));
  return ctx.u.groupsIn(account).flatMap((group) => {
    if (mine.has(group.id) || group.policies.length === 0) return [];
    const g = ctx.oracle.call(actor.id, 'iam:AddUserToGroup', ctx.u.arnOf(group.id));
    if (!g) return [];
    const admin = ctx.probes.groupMember(group);
    const s = step(
      ctx,
      'iam-add-user-to-group',
      actor.id,
      group.id,
      ['iam:AddUserToGroup'],
      [...g.needs, ...(admin?.needs ?? [])],
    );
    return [{ from: actor.id, to: admin ? ADMIN : group.id, steps: [s] }];
  });
};

const updateAssumeRolePolicy: Technique = (ctx, actor) => {
  if (!may(ctx, actor, ['iam:UpdateAssumeRolePolicy'])) return [];
  const account = ctx.u.accountOf(actor.id);
  // IAM has no resource policies: IAM actions reach only the actor's own account.
  return ctx.u.rolesIn(account).flatMap((role) => {
    if (role.id === actor.id) return [];
    const arn = ctx.u.arnOf(role.id);
    const g = ctx.oracle.call(actor.id, 'iam:UpdateAssumeRolePolicy', arn);
    if (!g) return [];
    const actions = ['iam:UpdateAssumeRolePolicy'];
    const needs = [...g.needs];
    // The actor writes a trust naming its own ARN; in its own account that needs no identity Allow.
    return [
      {
        from: actor.id,
        to: role.id,
        steps: [step(ctx, 'iam-update-assume-role-policy', actor.id, role.id, actions, needs)],
      },
    ];
  });
};

const userCredentials: Technique = (ctx, actor) => {
  const key = may(ctx, actor, ['iam:CreateAccessKey']);
  const create = may(ctx, actor, ['iam:CreateLoginProfile']);
  const update = may(ctx, actor, ['iam:UpdateLoginProfile']);
  if (!key && !create && !update) return [];
  const edges: EscalationEdge[] = [];
  for (const user of ctx.u.usersIn(ctx.u.accountOf(actor.id))) {
    if (user.id === actor.id) continue;
    const arn = ctx.u.arnOf(user.id);
    const name = `\`${arn}\``;
    const k = key && ctx.oracle.call(actor.id, 'iam:CreateAccessKey', arn);
    if (k) {
      const del = ctx.oracle.call(actor.id, 'iam:DeleteAccessKey', arn);
      const needs = del
        ? [...k.needs, ...del.needs]
        : [...k.needs, `${name} has fewer than two access keys`];
      const actions = del
        ? ['iam:CreateAccessKey', 'iam:DeleteAccessKey']
        : ['iam:CreateAccessKey'];
      edges.push({
        from: actor.id,
        to: user.id,
        steps: [step(ctx, 'iam-create-access-key', actor.id, user.id, actions, needs)],
      });
    }
    const c = create && ctx.oracle.call(actor.id, 'iam:CreateLoginProfile', arn);
    if (c)
      edges.push({
        from: actor.id,
        to: user.id,
        steps: [
          step(
            ctx,
            'iam-create-login-profile',
            actor.id,
            user.id,
            ['iam:CreateLoginProfile'],
            [...c.needs, `${name} has no console password`],
          ),
        ],
      });
    const p = update && ctx.oracle.call(actor.id, 'iam:UpdateLoginProfile', arn);
    if (p)
      edges.push({
        from: actor.id,
        to: user.id,
        steps: [
          step(
            ctx,
            'iam-update-login-profile',
            actor.id,
            user.id,
            ['iam:UpdateLoginProfile'],
            [...p.needs, `${name} has a console password`],
          ),
        ],
      });
  }
  return edges;
};

const createRole: Technique = (ctx, actor) => {
  const account = ctx.u.accountOf(actor.id);
  if (!account || !may(ctx, actor, ['iam:CreateRole'])) return [];
  const arn = `arn:aws:iam::${account}:role/${NEW}`;
  const found = ctx.oracle.any(actor.id, [
    [
      ['iam:CreateRole', arn],
      ['iam:AttachRolePolicy', arn],
    ],
    [
      ['iam:CreateRole', arn],
      ['iam:PutRolePolicy', arn],
    ],
  ]);
  if (!found) return [];
  return [
    toAdmin(actor, [
      step(ctx, 'iam-create-role', actor.id, arn, found.actions, found.granted.needs),
    ]),
  ];
};

const deleteBoundary: Technique = (ctx, actor) => {
  if (!actor.permissionsBoundary) return [];
  const action =
    actor.kind === 'user'
      ? 'iam:DeleteUserPermissionsBoundary'
      : 'iam:DeleteRolePermissionsBoundary';
  if (!may(ctx, actor, [action])) return [];
  const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(actor.id));
  if (!g) return [];
  const unbounded = ctx.probes.withoutBoundary(actor);
  if (!unbounded) return [];
  return [
    toAdmin(actor, [
      step(
        ctx,
        'iam-delete-permissions-boundary',
        actor.id,
        actor.id,
        [action],
        [...g.needs, ...unbounded.needs],
      ),
    ]),
  ];
};

interface ServiceTechnique {
  technique: TechniqueId;
  services: string[];
  /** Alternatives, each a list of actions with their resource (in the role's account). */
  calls: (account: string) => Call[][];
  /** Extra needs or calls given the role (EC2: an instance profile). */
  extra?: (
    ctx: TechniqueContext,
    role: Role,
    account: string,
  ) => { calls: Call[]; needs: string[] };
  /** For `existing-*`: what must exist. */
  exists?: (roleArn: string) => string;
}

const arnIn = (service: string, account: string, resource: string) =>
  `arn:aws:${service}:${REGION}:${account}:${resource}`;

const passRoleTechniques: ServiceTechnique[] = [
  {
    technique: 'passrole-ec2',
    services: ['ec2.amazonaws.com'],
    calls: (a) => [[['ec2:RunInstances', arnIn('ec2', a, 'instance/*')]]],
    extra: (_ctx, role, a) =>
      role.observed?.instanceProfiles && role.observed.instanceProfiles.length > 0
        ? { calls: [], needs: [] }
        : {
            calls: [
              ['iam:CreateInstanceProfile', `arn:aws:iam::${a}:instance-profile/${NEW}`],
              ['iam:AddRoleToInstanceProfile', `arn:aws:iam::${a}:instance-profile/${NEW}`],
            ],
            needs: [],
          },
  },
  {
    technique: 'passrole-lambda',
    services: ['lambda.amazonaws.com'],
    calls: (a) => {
      const fn = arnIn('lambda', a, `function:${NEW}`);
      return [
        [
          ['lambda:CreateFunction', fn],
          ['lambda:InvokeFunction', fn],
        ],
        [
          ['lambda:CreateFunction', fn],
          ['lambda:CreateEventSourceMapping', '*'],
        ],
        [
          ['lambda:CreateFunction', fn],
          ['lambda:AddPermission', fn],
        ],
      ];
    },
  },
  {
    technique: 'passrole-glue',
    services: ['glue.amazonaws.com'],
    calls: (a) => [
      [['glue:CreateDevEndpoint', arnIn('glue', a, `devEndpoint/${NEW}`)]],
      [
        ['glue:CreateJob', arnIn('glue', a, `job/${NEW}`)],
        ['glue:StartJobRun', arnIn('glue', a, `job/${NEW}`)],
      ],
    ],
  },
  {
    technique: 'passrole-cloudformation',
    services: ['cloudformation.amazonaws.com'],
    calls: (a) => [[['cloudformation:CreateStack', arnIn('cloudformation', a, `stack/${NEW}/*`)]]],
  },
  {
    technique: 'passrole-datapipeline',
    services: ['datapipeline.amazonaws.com', 'elasticmapreduce.amazonaws.com'],
    calls: (a) => {
      const p = arnIn('datapipeline', a, `pipeline/${NEW}`);
      return [
        [
          ['datapipeline:CreatePipeline', p],
          ['datapipeline:PutPipelineDefinition', p],
          ['datapipeline:ActivatePipeline', p],
        ],
      ];
    },
  },
  {
    technique: 'passrole-codebuild',
    services: ['codebuild.amazonaws.com'],
    calls: (a) => {
      const p = arnIn('codebuild', a, `project/${NEW}`);
      return [
        [
          ['codebuild:CreateProject', p],
          ['codebuild:StartBuild', p],
        ],
        [
          ['codebuild:CreateProject', p],
          ['codebuild:StartBuildBatch', p],
        ],
      ];
    },
  },
  {
    technique: 'passrole-sagemaker',
    services: ['sagemaker.amazonaws.com'],
    calls: (a) => {
      const nb = arnIn('sagemaker', a, `notebook-instance/${NEW}`);
      return [
        [
          ['sagemaker:CreateNotebookInstance', nb],
          ['sagemaker:CreatePresignedNotebookInstanceUrl', nb],
        ],
        [['sagemaker:CreateTrainingJob', arnIn('sagemaker', a, `training-job/${NEW}`)]],
        [['sagemaker:CreateProcessingJob', arnIn('sagemaker', a, `processing-job/${NEW}`)]],
      ];
    },
  },
  {
    technique: 'passrole-ecs',
    services: ['ecs-tasks.amazonaws.com'],
    calls: (a) => {
      const td = arnIn('ecs', a, `task-definition/${NEW}:1`);
      return [
        [
          ['ecs:RegisterTaskDefinition', '*'],
          ['ecs:RunTask', td],
        ],
        [
          ['ecs:RegisterTaskDefinition', '*'],
          ['ecs:StartTask', td],
        ],
        [
          ['ecs:RegisterTaskDefinition', '*'],
          ['ecs:CreateService', arnIn('ecs', a, `service/default/${NEW}`)],
        ],
      ];
    },
  },
];

const existingTechniques: ServiceTechnique[] = [
  {
    technique: 'existing-lambda',
    services: ['lambda.amazonaws.com'],
    calls: (a) => [
      [['lambda:UpdateFunctionCode', arnIn('lambda', a, 'function:rolecraft-existing')]],
      [['lambda:UpdateFunctionConfiguration', arnIn('lambda', a, 'function:rolecraft-existing')]],
    ],
    exists: (arn) => `an existing Lambda function whose execution role is ${arn}`,
  },
  {
    technique: 'existing-glue-endpoint',
    services: ['glue.amazonaws.com'],
    calls: (a) => [
      [['glue:UpdateDevEndpoint', arnIn('glue', a, 'devEndpoint/rolecraft-existing')]],
    ],
    exists: (arn) => `an existing Glue dev endpoint running as ${arn}`,
  },
  {
    technique: 'existing-cloudformation-stack',
    services: ['cloudformation.amazonaws.com'],
    calls: (a) => {
      const s = arnIn('cloudformation', a, 'stack/rolecraft-existing/*');
      return [
        [['cloudformation:UpdateStack', s]],
        [
          ['cloudformation:CreateChangeSet', s],
          ['cloudformation:ExecuteChangeSet', s],
        ],
      ];
    },
    exists: (arn) => `an existing CloudFormation stack with service role ${arn}`,
  },
  {
    technique: 'existing-codebuild-project',
    services: ['codebuild.amazonaws.com'],
    calls: (a) => {
      const p = arnIn('codebuild', a, 'project/rolecraft-existing');
      return [[['codebuild:StartBuild', p]], [['codebuild:StartBuildBatch', p]]];
    },
    exists: (arn) => `an existing CodeBuild project running as ${arn}`,
  },
  {
    technique: 'existing-sagemaker-notebook',
    services: ['sagemaker.amazonaws.com'],
    calls: (a) => [
      [
        [
          'sagemaker:CreatePresignedNotebookInstanceUrl',
          arnIn('sagemaker', a, 'notebook-instance/rolecraft-existing'),
        ],
      ],
    ],
    exists: (arn) => `an existing SageMaker notebook running as ${arn}`,
  },
  {
    technique: 'existing-ec2-instance',
    services: ['ec2.amazonaws.com'],
    calls: (a) => {
      const i = arnIn('ec2', a, 'instance/i-rolecraft-existing');
      return [
        [['ssm:SendCommand', i]],
        [['ssm:StartSession', i]],
        [['ec2-instance-connect:SendSSHPublicKey', i]],
      ];
    },
    exists: (arn) => `a running EC2 instance with profile ${arn}`,
  },
];

function serviceTechnique(t: ServiceTechnique, passRole: boolean): Technique {
  const firstActions = [...new Set(t.calls('0').map((alt) => alt[0]![0]))];
  return (ctx, actor) => {
    const account = ctx.u.accountOf(actor.id);
    if (!account) return [];
    if (passRole && !may(ctx, actor, ['iam:PassRole'])) return [];
    if (!firstActions.some((a) => may(ctx, actor, [a]))) return [];
    const edges: EscalationEdge[] = [];
    // PassRole never passes a role of another account; existing resources run in their own.
    const accounts = passRole ? [account] : [account];
    for (const service of t.services) {
      for (const acct of accounts) {
        for (const role of ctx.serviceRoles(service, acct)) {
          if (role.id === actor.id) continue;
          if (
            t.technique === 'existing-ec2-instance' &&
            role.observed?.instanceProfiles?.length === 0
          )
            continue;
          const roleArn = ctx.u.arnOf(role.id);
          let pass: Granted | undefined = { needs: [] };
          if (passRole)
            pass = ctx.oracle.call(actor.id, 'iam:PassRole', roleArn, {
              'iam:PassedToService': service,
            });
          if (!pass) continue;
          const found = ctx.oracle.any(actor.id, t.calls(acct));
          if (!found) continue;
          const extra = t.extra?.(ctx, role, acct);
          const extraGranted = extra ? ctx.oracle.all(actor.id, extra.calls) : { needs: [] };
          if (!extraGranted) continue;
          const actions = [
            ...(passRole ? ['iam:PassRole'] : []),
            ...found.actions,
            ...(extra?.calls.map(([a]) => a) ?? []),
          ];
          const needs = [
            ...new Set([
              ...pass.needs,
              ...found.granted.needs,
              ...extraGranted.needs,
              ...(extra?.needs ?? []),
              ...(t.exists ? [t.exists(roleArn)] : []),
            ]),
          ];
          edges.push({
            from: actor.id,
            to: role.id,
            steps: [step(ctx, t.technique, actor.id, role.id, actions, needs)],
          });
        }
      }
    }
    return edges;
  };
}

export const techniques: Technique[] = [
  policyVersionTechniques,
  writePolicyTechniques,
  addUserToGroup,
  updateAssumeRolePolicy,
  userCredentials,
  createRole,
  deleteBoundary,
  ...passRoleTechniques.map((t) => serviceTechnique(t, true)),
  ...existingTechniques.map((t) => serviceTechnique(t, false)),
];

/** Service principal names the techniques pass roles to (their roles are indexed up front). */
export const techniqueServices = [
  ...new Set([...passRoleTechniques, ...existingTechniques].flatMap((t) => t.services)),
];
