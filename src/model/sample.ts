import { FORMAT_VERSION, type Design } from './types';

const policy = (statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

/**
 * The seed's cross-account example: alice (with MFA) in Development assumes Developer, which
 * assumes Deploy in Production with an ExternalId; a Lambda service role; and a GitHub Actions
 * deploy role restricted to one repository's main branch. Ids are fixed and readable.
 */
export function sampleDesign(): Design {
  return {
    formatVersion: FORMAT_VERSION,
    id: 'design-sample',
    name: 'Cross-account example',
    accounts: [
      { kind: 'account', id: 'acct-dev', awsAccountId: '111111111111', name: 'Development' },
      { kind: 'account', id: 'acct-prod', awsAccountId: '222222222222', name: 'Production' },
    ],
    users: [
      {
        kind: 'user',
        id: 'user-alice',
        account: 'acct-dev',
        name: 'alice',
        path: '/',
        groups: [],
        policies: [
          {
            id: 'policy-alice-assume',
            name: 'AssumeDeveloper',
            attachment: 'inline',
            text: policy([
              {
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: 'arn:aws:iam::111111111111:role/Developer',
              },
            ]),
          },
        ],
        permissionsBoundary: null,
        tags: { team: 'platform' },
        hasLongTermKeys: true,
        hasMfa: true,
      },
    ],
    groups: [],
    roles: [
      {
        kind: 'role',
        id: 'role-developer',
        account: 'acct-dev',
        name: 'Developer',
        path: '/',
        description: 'Day-to-day work in Development; the way into Production',
        trustPolicy: policy([
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ]),
        policies: [
          {
            id: 'policy-developer-deploy',
            name: 'AssumeDeploy',
            attachment: 'inline',
            text: policy([
              {
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: 'arn:aws:iam::222222222222:role/Deploy',
              },
            ]),
          },
        ],
        permissionsBoundary: null,
        maxSessionDuration: 3600,
        tags: {},
      },
      {
        kind: 'role',
        id: 'role-deploy',
        account: 'acct-prod',
        name: 'Deploy',
        path: '/',
        description:
          'Deploys to Production; only from the Developer role, with the agreed ExternalId',
        trustPolicy: policy([
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:role/Developer' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'rolecraft-deploy' } },
          },
        ]),
        policies: [
          {
            id: 'policy-deploy-artifacts',
            name: 'ReadArtifacts',
            attachment: 'inline',
            text: policy([
              {
                Effect: 'Allow',
                Action: ['s3:GetObject', 's3:ListBucket'],
                Resource: ['arn:aws:s3:::prod-artifacts', 'arn:aws:s3:::prod-artifacts/*'],
              },
            ]),
          },
        ],
        permissionsBoundary: null,
        maxSessionDuration: 3600,
        tags: {},
      },
      {
        kind: 'role',
        id: 'role-orders-fn',
        account: 'acct-prod',
        name: 'OrdersFunctionRole',
        path: '/service-role/',
        description: 'Execution role of the orders Lambda function',
        trustPolicy: policy([
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': '222222222222' } },
          },
        ]),
        policies: [],
        permissionsBoundary: null,
        maxSessionDuration: 3600,
        tags: {},
      },
      {
        kind: 'role',
        id: 'role-github-deploy',
        account: 'acct-prod',
        name: 'GitHubDeploy',
        path: '/',
        description: 'Assumed by GitHub Actions on the main branch of example-org/app',
        trustPolicy: policy([
          {
            Effect: 'Allow',
            Principal: {
              Federated:
                'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
            },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub':
                  'repo:example-org/app:ref:refs/heads/main',
              },
            },
          },
        ]),
        policies: [
          {
            id: 'policy-github-upload',
            name: 'UploadArtifacts',
            attachment: 'inline',
            text: policy([
              {
                Effect: 'Allow',
                Action: 's3:PutObject',
                Resource: 'arn:aws:s3:::prod-artifacts/*',
              },
            ]),
          },
        ],
        permissionsBoundary: null,
        maxSessionDuration: 3600,
        tags: {},
      },
    ],
    services: [{ kind: 'service', id: 'service-lambda', name: 'lambda.amazonaws.com' }],
    identityProviders: [
      {
        kind: 'identity-provider',
        protocol: 'oidc',
        id: 'idp-github',
        account: 'acct-prod',
        name: 'GitHub Actions',
        preset: 'github-actions',
        issuer: 'token.actions.githubusercontent.com',
        audiences: ['sts.amazonaws.com'],
      },
    ],
    outsidePrincipals: [],
    managedPolicies: [],
    resources: [
      {
        kind: 'resource',
        id: 'resource-artifacts',
        account: 'acct-prod',
        name: 'prod-artifacts',
        resourceType: 's3-bucket',
        region: 'us-east-1',
        policy: policy([
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: ['arn:aws:s3:::prod-artifacts', 'arn:aws:s3:::prod-artifacts/*'],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ]),
        tags: { data: 'internal' },
      },
    ],
    layout: {
      'acct-dev': { x: 0, y: 0, width: 340, height: 420 },
      'acct-prod': { x: 420, y: 0, width: 560, height: 420 },
      'user-alice': { x: 40, y: 60 },
      'role-developer': { x: 40, y: 240 },
      'role-deploy': { x: 460, y: 240 },
      'role-orders-fn': { x: 720, y: 240 },
      'role-github-deploy': { x: 720, y: 60 },
      'idp-github': { x: 460, y: 60 },
      'resource-artifacts': { x: 590, y: 340 },
      'service-lambda': { x: 1060, y: 240 },
    },
    drafts: {},
  };
}
