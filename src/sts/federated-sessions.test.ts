// Sessions from SAML and web identity, named as AWS names them: the assumed-role ARN ends with
// the RoleSessionName the caller sent, and CloudTrail records a SAMLUser or a WebIdentityUser
// (with the assertion's or token's subject as its userName), not an IAM user.
import { describe, expect, it } from 'vitest';
import { StsSimulator } from './simulator.ts';
import { A, role, trust } from './test-fixtures.ts';
import type { ContextMap } from './types.ts';
import type { StsWorld } from './world.ts';

const SAML = `arn:aws:iam::${A}:saml-provider/Okta`;
const GITHUB = 'token.actions.githubusercontent.com';
const engineers = role(
  'Engineers',
  trust({ Federated: SAML }, 'sts:AssumeRoleWithSAML', {
    StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
  }),
);
const deploy = role(
  'Deploy',
  trust(
    { Federated: `arn:aws:iam::${A}:oidc-provider/${GITHUB}` },
    'sts:AssumeRoleWithWebIdentity',
    {
      StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
    },
  ),
);
const world: StsWorld = { principals: [], roles: [engineers, deploy], resources: [] };

describe('federated sessions', () => {
  it.each<{
    kind: string;
    api: 'AssumeRoleWithSAML' | 'AssumeRoleWithWebIdentity';
    by: { federated: string; context: ContextMap };
    roleArn: string;
    sessionName: string;
    identity: Record<string, string>;
  }>([
    {
      kind: 'SAML',
      api: 'AssumeRoleWithSAML',
      by: {
        federated: SAML,
        context: {
          'SAML:aud': 'https://signin.aws.amazon.com/saml',
          'SAML:sub': 'alice@example.com',
        },
      },
      roleArn: engineers.arn,
      sessionName: 'alice@example.com',
      identity: { type: 'SAMLUser', userName: 'alice@example.com', identityProvider: SAML },
    },
    {
      kind: 'web identity',
      api: 'AssumeRoleWithWebIdentity',
      by: {
        federated: `arn:aws:iam::${A}:oidc-provider/${GITHUB}`,
        context: {
          [`${GITHUB}:aud`]: 'sts.amazonaws.com',
          [`${GITHUB}:sub`]: 'repo:acme/site:ref:refs/heads/main',
        },
      },
      roleArn: deploy.arn,
      sessionName: 'GitHubActions',
      identity: {
        type: 'WebIdentityUser',
        userName: 'repo:acme/site:ref:refs/heads/main',
        identityProvider: GITHUB,
      },
    },
  ])('a $kind session is named by its RoleSessionName and logged as a $identity.type', (c) => {
    const sim = new StsSimulator({ world, seed: 'federated' });
    const result = sim.assume({
      api: c.api,
      by: c.by,
      roleArn: c.roleArn,
      params: { RoleSessionName: c.sessionName },
    });
    if (!result.ok) throw new Error(result.error.message);
    const roleName = c.roleArn.split('/').at(-1)!;
    expect(result.session.assumedRoleArn).toBe(
      `arn:aws:sts::${A}:assumed-role/${roleName}/${c.sessionName}`,
    );
    const [event] = sim.log.events();
    expect(event?.eventName).toBe(c.api);
    expect(event?.userIdentity).toMatchObject(c.identity);
    expect(event?.userIdentity).not.toHaveProperty('arn');
  });
});
