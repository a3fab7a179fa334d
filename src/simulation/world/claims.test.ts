import { describe, expect, it } from 'vitest';
import {
  makeOidcProvider,
  makeSamlProvider,
  sampleDesign,
  type IdentityProvider,
  type Role,
} from '../../model';
import { claimValueChoices, claimsContext, suggestClaims } from './claims';

const github = sampleDesign().identityProviders[0] as IdentityProvider;
const githubDeploy = sampleDesign().roles.find((r) => r.id === 'role-github-deploy') as Role;
const GITHUB = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';
const HOST = 'token.actions.githubusercontent.com';

describe('suggestClaims', () => {
  it('fills the claims the trust policy tests with values it accepts', () => {
    expect(suggestClaims(github, HOST, GITHUB, githubDeploy.trustPolicy)).toEqual([
      { key: `${HOST}:aud`, value: 'sts.amazonaws.com' },
      { key: `${HOST}:sub`, value: 'repo:example-org/app:ref:refs/heads/main' },
    ]);
  });

  it('ignores statements for other principals and negated operators', () => {
    const trust = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'accounts.google.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${HOST}:sub`]: 'other' } },
        },
        {
          Effect: 'Allow',
          Principal: { Federated: GITHUB },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringNotEquals: { [`${HOST}:sub`]: 'x' },
            StringLike: { [`${HOST}:job_workflow_ref`]: 'org/*@refs/heads/main' },
          },
        },
      ],
    });
    expect(suggestClaims(github, HOST, GITHUB, trust)).toEqual([
      { key: `${HOST}:aud`, value: 'sts.amazonaws.com' },
      { key: `${HOST}:sub`, value: 'repo:example-org/example-repo:ref:refs/heads/main' },
      { key: `${HOST}:job_workflow_ref`, value: 'org/main@refs/heads/main' },
    ]);
  });

  it('starts SAML and Cognito tokens with their usual claims', () => {
    const saml = makeSamlProvider({ account: 'a', name: 'Okta' });
    expect(
      suggestClaims(saml, 'SAML', 'arn:aws:iam::1:saml-provider/Okta', undefined).map((r) => r.key),
    ).toEqual(['SAML:aud', 'SAML:sub', 'SAML:sub_type']);
    const cognito = makeOidcProvider({ account: 'a', preset: 'cognito' });
    expect(
      suggestClaims(
        cognito,
        'cognito-identity.amazonaws.com',
        'cognito-identity.amazonaws.com',
        '{not json',
      ).map((r) => r.key),
    ).toEqual([
      'cognito-identity.amazonaws.com:aud',
      'cognito-identity.amazonaws.com:sub',
      'cognito-identity.amazonaws.com:amr',
    ]);
  });

  it.each([
    ['google', 'accounts.google.com:aud', 'accounts.google.com:sub'],
    ['amazon', 'www.amazon.com:app_id', 'www.amazon.com:user_id'],
    ['facebook', 'graph.facebook.com:app_id', 'graph.facebook.com:id'],
    ['gitlab', 'gitlab.com:aud', 'gitlab.com:sub'],
  ] as const)('a %s token carries its audience and subject claims', (preset, aud, sub) => {
    const provider = makeOidcProvider({ account: 'a', preset });
    const rows = suggestClaims(provider, aud.split(':')[0]!, 'x', undefined);
    expect(rows.map((r) => r.key)).toEqual([aud, sub]);
    expect(rows[0]!.value).toBe(provider.audiences[0]);
    expect(rows[1]!.value).not.toBe('');
  });

  it('a Cognito token says it is authenticated, as a list the trust tests with ForAnyValue', () => {
    const cognito = makeOidcProvider({ account: 'a', preset: 'cognito' });
    const rows = suggestClaims(cognito, 'cognito-identity.amazonaws.com', 'x', undefined);
    expect(claimsContext(rows)['cognito-identity.amazonaws.com:amr']).toEqual([
      'authenticated',
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_Example',
    ]);
  });
});

describe('claimsContext', () => {
  it.each([
    [[{ key: 'a:aud', value: 'x' }], { 'a:aud': 'x' }],
    [
      [{ key: ' a:amr ', value: 'authenticated, graph.facebook.com' }],
      { 'a:amr': ['authenticated', 'graph.facebook.com'] },
    ],
    [
      [
        { key: '', value: 'dropped' },
        { key: 'a:sub', value: ' s ' },
      ],
      { 'a:sub': 's' },
    ],
  ])('%j becomes %j', (rows, context) => {
    expect(claimsContext(rows)).toEqual(context);
  });
});

describe('claimValueChoices', () => {
  const corp = 'arn:aws:iam::111111111111:saml-provider/CorpDirectory';
  const trust = (group: string, federated = corp) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: federated },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: {
            StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
            'ForAnyValue:StringEquals': { 'SAML:edupersonentitlement': group },
          },
        },
      ],
    });
  it('offers every value the trusts of the design test for the provider, by claim', () => {
    const choices = claimValueChoices(
      [
        trust('urn:acme:groups:engineering'),
        trust('urn:acme:groups:finance'),
        trust('urn:other:groups:x', 'arn:aws:iam::111111111111:saml-provider/Other'),
        '{ broken',
      ],
      'SAML',
      corp,
    );
    expect(choices.get('saml:edupersonentitlement')).toEqual([
      'urn:acme:groups:engineering',
      'urn:acme:groups:finance',
    ]);
    expect(choices.get('saml:aud')).toEqual(['https://signin.aws.amazon.com/saml']);
  });
});
