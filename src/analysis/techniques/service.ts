/**
 * The service techniques of the format README: pass a role to a service that runs code as it
 * (`passrole-*`), or take over an existing resource that already runs as one (`existing-*`).
 */
import type { Role } from '../../model';
import type { Granted } from '../oracle';
import type { TechniqueId } from '../types';
import {
  may,
  NEW,
  REGION,
  step,
  type Call,
  type EscalationEdge,
  type GatedTechnique,
  type TechniqueContext,
} from './context';

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

export const passRoleTechniques: ServiceTechnique[] = [
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

export const existingTechniques: ServiceTechnique[] = [
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

/** What an `existing-*` technique needs of a role, worded once per analysis, technique and role. */
const existsNeeds = new WeakMap<TechniqueContext, Map<ServiceTechnique, Map<string, string>>>();
function existsNeed(ctx: TechniqueContext, t: ServiceTechnique, roleArn: string): string {
  let byTechnique = existsNeeds.get(ctx);
  if (!byTechnique) {
    byTechnique = new Map();
    existsNeeds.set(ctx, byTechnique);
  }
  let byRole = byTechnique.get(t);
  if (!byRole) {
    byRole = new Map();
    byTechnique.set(t, byRole);
  }
  let need = byRole.get(roleArn);
  if (need === undefined) {
    need = t.exists!(roleArn);
    byRole.set(roleArn, need);
  }
  return need;
}

/** `iam:PassedToService` for a service: one context object per service (questions share it). */
const passedToService = new Map<string, Record<string, string>>();
function passedTo(service: string): Record<string, string> {
  let context = passedToService.get(service);
  if (!context) {
    context = Object.freeze({ 'iam:PassedToService': service }) as Record<string, string>;
    passedToService.set(service, context);
  }
  return context;
}

export function serviceTechnique(t: ServiceTechnique, passRole: boolean): GatedTechnique {
  const firstActions = [...new Set(t.calls('0').map((alt) => alt[0]![0]))];
  const gate = firstActions.map((a) => (passRole ? ['iam:PassRole', a] : [a]));
  return {
    gate,
    run: (ctx, actor) => {
      const account = ctx.u.accountOf(actor.id);
      if (!account) return [];
      if (passRole && !may(ctx, actor, ['iam:PassRole'])) return [];
      if (!firstActions.some((a) => may(ctx, actor, [a]))) return [];
      const edges: EscalationEdge[] = [];
      // The calls after PassRole read no role: asked once per actor, when a role is passable.
      let found: ReturnType<typeof ctx.oracle.any> | null = null;
      // The actions of an edge without extra calls: the same for every role (one array).
      let plainActions: string[] | undefined;
      // PassRole never passes a role of another account; existing resources run in their own.
      for (const service of t.services) {
        for (const role of ctx.serviceRoles(service, account)) {
          if (role.id === actor.id) continue;
          if (
            t.technique === 'existing-ec2-instance' &&
            role.observed?.instanceProfiles?.length === 0
          )
            continue;
          const roleArn = ctx.u.arnOf(role.id);
          let pass: Granted | undefined = { needs: [] };
          if (passRole)
            pass = ctx.oracle.call(actor.id, 'iam:PassRole', roleArn, passedTo(service));
          if (!pass) continue;
          if (found === null) found = ctx.oracle.any(actor.id, t.calls(account));
          if (!found) continue;
          const extra = t.extra?.(ctx, role, account);
          const extraGranted = extra ? ctx.oracle.all(actor.id, extra.calls) : { needs: [] };
          if (!extraGranted) continue;
          const extraActions = extra?.calls.map(([a]) => a) ?? [];
          const actions =
            extraActions.length > 0
              ? [...(passRole ? ['iam:PassRole'] : []), ...found.actions, ...extraActions]
              : (plainActions ??= [...(passRole ? ['iam:PassRole'] : []), ...found.actions]);
          const exists = t.exists && existsNeed(ctx, t, roleArn);
          const needs =
            pass.needs.length === 0 &&
            found.granted.needs.length === 0 &&
            extraGranted.needs.length === 0 &&
            !extra?.needs.length
              ? exists
                ? [exists]
                : []
              : [
                  ...new Set([
                    ...pass.needs,
                    ...found.granted.needs,
                    ...extraGranted.needs,
                    ...(extra?.needs ?? []),
                    ...(exists ? [exists] : []),
                  ]),
                ];
          edges.push({
            from: actor.id,
            to: role.id,
            steps: [step(ctx, t.technique, actor.id, role.id, actions, needs)],
          });
        }
      }
      return edges;
    },
  };
}
