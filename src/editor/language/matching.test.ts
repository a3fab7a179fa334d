import { describe, expect, it } from 'vitest';
import { oidcIssuerOf, wildcardMatches } from '../../engine';
import { keyMatches } from './condition-keys';
import { arnFitsTemplate } from './complete-resources';
import { escapeSnippet, templateToSnippet } from './items';

describe('matching helpers', () => {
  it.each([
    [
      'arn:aws:iam::1:role/Deploy',
      'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
      true,
    ],
    [
      'arn:aws-cn:iam::1:role/a/b',
      'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
      true,
    ],
    [
      'arn:aws:iam::1:user/alice',
      'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
      false,
    ],
    ['arn:aws:s3:::logs', 'arn:${Partition}:s3:::${BucketName}', true],
    ['arn:aws:s3:::logs', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', false],
  ])('%s fits %s: %s', (arn, template, fits) => {
    expect(arnFitsTemplate(arn, template)).toBe(fits);
  });

  it.each([
    ['aws:PrincipalTag/${TagKey}', 'aws:principaltag/team', true],
    ['aws:PrincipalTag/${TagKey}', 'aws:PrincipalTag/', false],
    ['sts:ExternalId', 'STS:EXTERNALID', true],
    ['sts:ExternalId', 'sts:ExternalIds', false],
    ['aws:RequestTag/tag-key', 'aws:RequestTag/env', true],
    ['s3:ExistingObjectTag/<key>', 's3:ExistingObjectTag/x', false],
  ])('%s matches %s: %s', (template, key, matches) => {
    expect(keyMatches(template, key)).toBe(matches);
  });

  it.each([
    ['Get*', 'GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['Get?bject', 'getobject', true],
    ['a.b', 'axb', false],
  ])('wildcard %s against %s: %s', (pattern, value, matches) => {
    expect(wildcardMatches(pattern, value, true)).toBe(matches);
  });

  it.each([
    [
      'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
      'token.actions.githubusercontent.com',
    ],
    ['accounts.google.com', 'accounts.google.com'],
    ['arn:aws:iam::123456789012:saml-provider/Okta', undefined],
  ])('OIDC host of %s', (federated, host) => {
    expect(oidcIssuerOf(federated)).toBe(host);
  });

  it('turns templates into tab stops and escapes literal snippet characters', () => {
    expect(templateToSnippet('a/${X}/${Y}', { Y: 'y' })).toBe('a/${1:X}/${2:y}');
    expect(escapeSnippet('${aws:username}')).toBe('\\${aws:username\\}');
  });
});
