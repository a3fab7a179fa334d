import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../types.ts';
import { validatePolicy } from './validate-policy.ts';

const github = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const aud = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
const sub = (value: string | string[]) => ({ 'token.actions.githubusercontent.com:sub': value });

function trust(federated: string, action: string, condition?: Record<string, unknown>) {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: federated },
          Action: action,
          Condition: condition,
        },
      ],
    },
    null,
    2,
  );
}
const web = (condition?: Record<string, unknown>, federated = github) =>
  trust(federated, 'sts:AssumeRoleWithWebIdentity', condition);

const codes = (found: Diagnostic[]) =>
  found
    .filter((d) => d.code.includes('condition') || d.code.startsWith('pass-role'))
    .map((d) => `${d.security ? 'security ' : ''}${d.code}`);

describe('federated trust checks', () => {
  it.each([
    ['GitHub, aud only', web({ StringEquals: aud }), ['security missing-subject-condition']],
    [
      'GitHub, nothing',
      web(),
      ['missing-audience-condition', 'security missing-subject-condition'],
    ],
    [
      'GitHub, sub only',
      web({ StringLike: sub('repo:org/app:*') }),
      ['missing-audience-condition'],
    ],
    ['GitHub, one repository', web({ StringEquals: aud, StringLike: sub('repo:org/app:*') }), []],
    [
      'GitHub, one branch',
      web({ StringEquals: { ...aud, ...sub('repo:org/app:ref:refs/heads/main') } }),
      [],
    ],
    [
      'GitHub, the whole organisation',
      web({ StringEquals: aud, StringLike: sub('repo:org/*') }),
      ['overly-permissive-subject-condition'],
    ],
    [
      'GitHub, any repository of any owner',
      web({ StringEquals: aud, StringLike: sub('*') }),
      ['overly-permissive-subject-condition'],
    ],
    [
      'GitHub, a wide value among narrow ones',
      web({ StringEquals: aud, StringLike: sub(['repo:org/app:*', 'repo:*']) }),
      ['overly-permissive-subject-condition'],
    ],
    [
      'GitHub, `*` under StringEquals is literal',
      web({ StringEquals: { ...aud, ...sub('repo:org/*') } }),
      [],
    ],
    [
      'GitHub, only a negated sub',
      web({ StringEquals: aud, StringNotLike: sub('repo:evil/*') }),
      ['security missing-subject-condition'],
    ],
    [
      'GitHub, ForAllValues sub holds without the key',
      web({ StringEquals: aud, 'ForAllValues:StringLike': sub('repo:org/app:*') }),
      ['security missing-subject-condition'],
    ],
    [
      'GitHub, pinned by job_workflow_ref',
      web({
        StringEquals: {
          ...aud,
          'token.actions.githubusercontent.com:job_workflow_ref':
            'org/wf/.github/workflows/deploy.yml@refs/heads/main',
        },
      }),
      [],
    ],
    [
      'GitLab, aud only',
      web(
        { StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' } },
        'arn:aws:iam::111122223333:oidc-provider/gitlab.com',
      ),
      ['security missing-subject-condition'],
    ],
    [
      'Google with its client id: not a shared issuer',
      web({ StringEquals: { 'accounts.google.com:aud': 'client' } }, 'accounts.google.com'),
      [],
    ],
    [
      'Google without an audience',
      web(undefined, 'accounts.google.com'),
      ['missing-audience-condition'],
    ],
    [
      'Login with Amazon pins app_id',
      web({ StringEquals: { 'www.amazon.com:app_id': 'amzn1.app' } }, 'www.amazon.com'),
      [],
    ],
    [
      'a custom issuer without aud',
      web({}, 'arn:aws:iam::111122223333:oidc-provider/oidc.example.com/tenant'),
      ['missing-audience-condition'],
    ],
    [
      'SAML without SAML:aud',
      trust('arn:aws:iam::111122223333:saml-provider/Okta', 'sts:AssumeRoleWithSAML'),
      ['missing-saml-audience-condition'],
    ],
    [
      'SAML with SAML:aud',
      trust('arn:aws:iam::111122223333:saml-provider/Okta', 'sts:AssumeRoleWithSAML', {
        StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
      }),
      [],
    ],
    [
      'a wildcard action counts as web identity',
      trust(github, 'sts:AssumeRoleWith*', { StringEquals: aud }),
      ['security missing-subject-condition'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(codes(validatePolicy(text, 'trust'))).toEqual(expected);
  });

  it('points at the statement, and names what is missing', () => {
    const text = web({ StringEquals: aud });
    const [finding] = validatePolicy(text, 'trust').filter((d) => d.security);
    expect(finding!.message).toBe(
      'any repository on GitHub Actions could assume this role: the statement has no condition on `token.actions.githubusercontent.com:sub` (such as `repo:OWNER/REPO:ref:refs/heads/main`)',
    );
    const statement = text.slice(finding!.range.start, finding!.range.end);
    expect(JSON.parse(statement).Principal.Federated).toBe(github);
  });

  it('checks trust policies only', () => {
    const text = web({ StringEquals: aud });
    expect(codes(validatePolicy(text, 'resource'))).toEqual([]);
  });
});

describe('pass-role-with-star-in-resource', () => {
  const identity = (statement: Record<string, unknown>) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] });
  it.each([
    [
      'PassRole on *',
      { Action: 'iam:PassRole', Resource: '*' },
      ['security pass-role-with-star-in-resource'],
    ],
    [
      'iam:Pass* on *',
      { Action: ['s3:GetObject', 'iam:Pass*'], Resource: '*' },
      ['security pass-role-with-star-in-resource'],
    ],
    [
      'iam:* on *',
      { Action: 'iam:*', Resource: ['arn:aws:s3:::b', '*'] },
      ['security pass-role-with-star-in-resource'],
    ],
    [
      'named roles',
      { Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-*' },
      [],
    ],
    [
      'limited by iam:PassedToService',
      {
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      },
      [],
    ],
    ['other IAM actions', { Action: 'iam:GetRole', Resource: '*' }, []],
  ])('%s', (_name, statement, expected) => {
    expect(codes(validatePolicy(identity(statement), 'identity'))).toEqual(expected);
  });

  it('leaves Deny statements alone', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }],
    });
    expect(codes(validatePolicy(text, 'identity'))).toEqual([]);
  });
});
