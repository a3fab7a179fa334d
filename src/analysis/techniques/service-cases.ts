/** A positive and its trap for each `passrole-*` and `existing-*` technique. */
import { allow, arn, doc } from '../test-accounts';
import { adminRole, passRole, serviceCase, type Case } from './technique-case';

export const serviceCases: Case[] = [
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
