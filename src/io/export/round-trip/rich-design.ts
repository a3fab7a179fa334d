// Test support: a design that uses every feature an IAM export has to carry.
import {
  emptyDesign,
  makeAccount,
  makeAnyone,
  makeGroup,
  makeManagedPolicy,
  makeOidcProvider,
  makeOutsideAccount,
  makePolicy,
  makeResource,
  makeRole,
  makeSamlProvider,
  makeService,
  makeUser,
  sequentialIds,
  type Design,
  type ManagedAttachment,
} from '../../../model';

const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

const readLogs = doc({ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' });

/**
 * Two accounts with users, a group, roles that trust each other (a cycle), an EC2 role, SAML
 * and OIDC providers, a customer-managed policy (with a path and a description) attached to
 * three principals, one attached to nothing, AWS managed policies, boundaries, tags, policy
 * variables, text that needs escaping, and a resource policy of every supported type.
 */
export function richDesign(): Design {
  const ids = sequentialIds();
  const base = emptyDesign('Rich "export" test', ids);
  const readLogsPolicy = makeManagedPolicy(
    {
      type: 'customer-managed',
      account: 'dev',
      name: 'ReadLogs',
      path: '/shared/',
      description: 'Reads every log group',
      text: readLogs,
    },
    ids,
  );
  const readOnly = makeManagedPolicy(
    { type: 'aws-managed', name: 'ReadOnlyAccess', text: doc() },
    ids,
  );
  const devBoundary = makeManagedPolicy(
    {
      type: 'customer-managed',
      account: 'dev',
      name: 'DevBoundary',
      text: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    },
    ids,
  );
  const powerUser = makeManagedPolicy(
    { type: 'aws-managed', name: 'PowerUserAccess', text: doc() },
    ids,
  );
  const unused = makeManagedPolicy(
    {
      type: 'customer-managed',
      account: 'prod',
      name: 'Unattached',
      text: doc({ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }),
    },
    ids,
  );
  const attach = (p: { id: string }): ManagedAttachment => ({ attachment: 'managed', id: p.id });
  const managed = () => attach(readLogsPolicy);
  return {
    ...base,
    managedPolicies: [readLogsPolicy, readOnly, devBoundary, powerUser, unused],
    accounts: [
      makeAccount({ id: 'dev', awsAccountId: '111111111111', name: 'Dev' }),
      makeAccount({ id: 'prod', awsAccountId: '222222222222', name: 'Prod' }),
    ],
    groups: [
      makeGroup(
        {
          id: 'developers',
          account: 'dev',
          name: 'Developers',
          path: '/teams/',
          policies: [
            attach(readOnly),
            makePolicy(
              {
                name: 'OwnFolder',
                text: doc({
                  Effect: 'Allow',
                  Action: ['s3:GetObject', 's3:PutObject'],
                  Resource: 'arn:aws:s3:::team-bucket/home/${aws:username}/*',
                }),
              },
              ids,
            ),
            managed(),
          ],
        },
        ids,
      ),
    ],
    users: [
      makeUser(
        {
          id: 'alice',
          account: 'dev',
          name: 'alice',
          path: '/people/',
          groups: ['developers'],
          tags: { team: 'platform', 'cost:centre': '42 "north"' },
          permissionsBoundary: devBoundary.id,
          policies: [
            makePolicy(
              {
                name: 'AssumeDeveloper',
                text: doc({
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Resource: 'arn:aws:iam::111111111111:role/Developer',
                  Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } },
                }),
              },
              ids,
            ),
            managed(),
          ],
        },
        ids,
      ),
      makeUser({ id: 'bob', account: 'dev', name: 'bob', groups: ['developers'] }, ids),
    ],
    roles: [
      makeRole(
        {
          id: 'developer',
          account: 'dev',
          name: 'Developer',
          description: 'Says "hi" with ${not} a variable and 100%{x}',
          maxSessionDuration: 7200,
          tags: { env: 'dev' },
          trustPolicy: doc({
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:user/people/alice' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          }),
          policies: [
            makePolicy(
              {
                name: 'AssumeDeploy',
                text: doc({
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Resource: 'arn:aws:iam::222222222222:role/Deploy',
                }),
              },
              ids,
            ),
            managed(),
          ],
          permissionsBoundary: powerUser.id,
        },
        ids,
      ),
      makeRole(
        {
          id: 'ping',
          account: 'dev',
          name: 'Ping',
          trustPolicy: doc({
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:role/Pong' },
            Action: 'sts:AssumeRole',
          }),
        },
        ids,
      ),
      makeRole(
        {
          id: 'pong',
          account: 'dev',
          name: 'Pong',
          trustPolicy: doc({
            Effect: 'Allow',
            Principal: { AWS: ['arn:aws:iam::111111111111:role/Ping', '333333333333'] },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'x' } },
          }),
        },
        ids,
      ),
      makeRole(
        {
          id: 'web',
          account: 'dev',
          name: 'WebServer',
          path: '/service-role/',
          trustPolicy: doc({
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
          }),
        },
        ids,
      ),
      makeRole(
        {
          id: 'deploy',
          account: 'prod',
          name: 'Deploy',
          trustPolicy: doc({
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:role/Developer' },
            Action: 'sts:AssumeRole',
          }),
        },
        ids,
      ),
      makeRole(
        {
          id: 'sso',
          account: 'prod',
          name: 'SsoAdmin',
          trustPolicy: doc({
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::222222222222:saml-provider/Okta' },
            Action: 'sts:AssumeRoleWithSAML',
            Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
          }),
        },
        ids,
      ),
      makeRole(
        {
          id: 'ci',
          account: 'prod',
          name: 'GitHubDeploy',
          trustPolicy: doc({
            Effect: 'Allow',
            Principal: {
              Federated:
                'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
            },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' },
            },
          }),
        },
        ids,
      ),
    ],
    services: [makeService('ec2.amazonaws.com', ids)],
    identityProviders: [
      makeSamlProvider({ id: 'okta', account: 'prod', name: 'Okta' }, ids),
      makeOidcProvider({ id: 'github', account: 'prod', preset: 'github-actions' }, ids),
    ],
    outsidePrincipals: [makeOutsideAccount('333333333333', 'Vendor', ids), makeAnyone(ids)],
    resources: [
      makeResource(
        {
          account: 'prod',
          name: 'prod-artifacts',
          resourceType: 's3-bucket',
          policy: doc({
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::222222222222:role/Deploy' },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::prod-artifacts/*',
          }),
        },
        ids,
      ),
      makeResource(
        {
          account: 'prod',
          name: 'orders',
          resourceType: 'sqs-queue',
          region: 'eu-west-1',
          policy: doc({
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: 'arn:aws:sqs:eu-west-1:222222222222:orders',
          }),
        },
        ids,
      ),
      makeResource(
        {
          account: 'prod',
          name: 'alerts',
          resourceType: 'sns-topic',
          policy: doc({
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sns:Publish',
            Resource: 'arn:aws:sns:us-east-1:222222222222:alerts',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
          }),
        },
        ids,
      ),
      makeResource(
        {
          account: 'prod',
          name: '1234abcd-12ab-34cd-56ef-1234567890ab',
          resourceType: 'kms-key',
          policy: doc({
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::222222222222:root' },
            Action: 'kms:*',
            Resource: '*',
          }),
        },
        ids,
      ),
      makeResource(
        {
          account: 'dev',
          name: 'db-password',
          resourceType: 'secret',
          policy: doc({
            Effect: 'Deny',
            Principal: '*',
            Action: 'secretsmanager:GetSecretValue',
            Resource: '*',
            Condition: {
              StringNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/Developer' },
            },
          }),
        },
        ids,
      ),
      makeResource({ account: 'dev', name: 'no-policy', resourceType: 's3-bucket' }, ids),
    ],
  };
}
